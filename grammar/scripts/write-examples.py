#!/usr/bin/env python3
"""Writes the hand-built example logs in grammar/src/test/resources/examples/ byte for byte.

The raw examples are assembled from the format strings of gitlab-runner's source (see
shared/reference/trace-format.md for each one: helpers/ansi_colors.go, helpers/build_section.go,
common/buildlogger/internal/tee.go, shells/bash.go, log/runner_formatter.go,
executors/kubernetes/util.go, common/buildlogger/internal/timestamper/timestamper.go), so they hold
real ESC bytes, bare carriage returns and markers without a line end exactly where the runner puts
them. Names, tokens, pods and hosts are invented. The web-UI copies follow what GitLab's job page
renders (trace-format.md section 7). The seed-*.log examples are real logs and are not written here.

Run from anywhere:  python3 grammar/scripts/write-examples.py
Then regenerate the goldens deliberately:  UPDATE_GOLDEN=true mvn -q -B -pl grammar test
"""

import datetime
import os
import random

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "examples")

E = "\x1b"
CLEAR = E + "[0K"          # ANSI_CLEAR
RESET = E + "[0;m"         # ANSI_RESET
CYAN = E + "[36;1m"        # ANSI_BOLD_CYAN
GREEN = E + "[32;1m"       # ANSI_BOLD_GREEN
RED = E + "[31;1m"         # ANSI_BOLD_RED
YELLOW = E + "[0;33m"      # ANSI_YELLOW
BOLD_YELLOW = E + "[33;1m"  # the log-limit notice (helpers/trace/buffer.go)
GREY = E + "[0;37m"        # ANSI_GREY, service logs


# ---- runner build logger (common/buildlogger/internal/tee.go), v14.2+: reset before the newline ----

def println(text):
    return CLEAR + text + RESET + "\n"


def infoln(text):
    return GREEN + text + RESET + "\n"


def warningln(text):
    return YELLOW + "WARNING: " + text + RESET + "\n"


def errorln(text):
    return RED + "ERROR: " + text + RESET + "\n"


def stage_header(text):
    # Println(ANSI_BOLD_CYAN + description + ANSI_RESET): a double reset
    return println(CYAN + text + RESET)


# ---- section markers (helpers/build_section.go): no line end, glued to what follows ----

def start(ts, name):
    return "section_start:%d:%s\r%s" % (ts, name, CLEAR)


def end(ts, name):
    return "section_end:%d:%s\r%s" % (ts, name, CLEAR)


# ---- job script output (shells/bash.go) ----

def notice(text):
    return GREEN + text + RESET + "\n"


def warning(text):
    return YELLOW + text + RESET + "\n"


def command(cmd):
    return notice("$ " + cmd)


def script_section(ts, prefix, index, cmd):
    """FF_SCRIPT_SECTIONS: a multi-line command is echoed inside a collapsed section that closes
    before the command runs (shells/abstract.go writeMultilineCommand); printf '%b\\n' adds the
    line ends, and the command keeps its own newlines."""
    name = "section_%s_%d" % (prefix, index)
    return ("section_start:%d:%s[hide_duration=true,collapsed=true]\r%s%s$ %s%s\n"
            % (ts, name, CLEAR, GREEN, cmd, RESET)
            + "section_end:%d:%s\r%s\n" % (ts, name, CLEAR))


def helper(message, fields=(), level="info"):
    """gitlab-runner-helper lines (log/runner_formatter.go)."""
    colour, prefix = {"info": ("", ""), "warn": (YELLOW, "WARNING: "), "error": (RED, "ERROR: "),
                      "fatal": (RED, "FATAL: ")}[level]
    line = "%s%s%-*s%s " % (colour, prefix, 50 - len(prefix), message, RESET)
    for key, value in fields:
        line += " %s%s%s=%s" % (colour, key, RESET, value)
    return line + "\n"


def pod_wait(namespace, pod, phase, conditions, node=None):
    """executors/kubernetes/util.go: plain Fprintf, no escape, a tab before each condition."""
    where = "" if node is None else " on the node %s" % node
    out = "Waiting for pod %s/%s to be running%s, status is %s\n" % (namespace, pod, where, phase)
    for reason, message in conditions:
        out += '\t%s: "%s"\n' % (reason, message)
    return out


def header(version, revision, name, token, system_id=None, flags=None):
    out = println("Running with gitlab-runner %s (%s)" % (version, revision))
    out += println("  on %s %s%s" % (name, token, ", system ID: " + system_id if system_id else ""))
    if flags:
        out += println("  feature flags: " + ", ".join(flags))
    return out


def write(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(os.path.join(EXAMPLES, name), "wb") as out:
        out.write(data)


# ---- a Kubernetes job on runner 17.x, assembled stage by stage ----

NS = "ci-builds"
POD = "runner-xmdxat7xd-project-4242-concurrent-0-k3v9q2wd"
MANAGER = "gitlab-runner-7d9f8c6b5-q4m2x"
NOT_INITIALIZED = ("ContainersNotInitialized", "containers with incomplete status: [init-permissions]")
NOT_READY = ("ContainersNotReady", "containers with unready status: [build helper]")


class Job:
    """Writes a raw trace the way common/build.go runs the stages: a section per stage, markers
    glued to the next write, the final status outside every section."""

    def __init__(self, ts):
        self.ts = ts
        self.out = []

    def add(self, text):
        self.out.append(text)

    def stage(self, name, title, body, seconds):
        self.add(start(self.ts, name) + stage_header(title) + body)
        self.ts += seconds
        self.add(end(self.ts, name))

    def text(self):
        return "".join(self.out)


def k8s_prepare(job, image, waits=2, node=None):
    job.stage("prepare_executor", 'Preparing the "kubernetes" executor',
              println("Using Kubernetes namespace: " + NS)
              + println("Using Kubernetes executor with image %s ..." % image)
              + println("Using attach strategy to execute scripts..."), 1)
    body = ""
    for i in range(waits):
        body += pod_wait(NS, POD, "Pending", [NOT_INITIALIZED, NOT_READY] if i == 0 else [NOT_READY], node)
    body += "Running on %s via %s...\n" % (POD, MANAGER)
    job.stage("prepare_script", "Preparing environment", body, 3 * waits + 1)


def clone_ok(sha="1a2b3c4d", ref="main"):
    return (notice("Fetching changes with git depth set to 20...")
            + "Initialized empty Git repository in /builds/acme/web-shop/.git/\n"
            + notice("Created fresh repository.")
            + notice("Checking out %s as detached HEAD (ref is %s)..." % (sha, ref))
            + "\n"
            + notice("Skipping Git submodules setup"))


def k8s_17_succeeded():
    job = Job(1760003200)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c",
                   ["FF_SCRIPT_SECTIONS:true"]))
    job.stage("resolve_secrets", "Resolving secrets",
              println('Resolving secret "DATABASE_PASSWORD"...')
              + println('Using "vault" secret resolver...'), 0)
    k8s_prepare(job, "registry.example.com/ci/node:20-bookworm", waits=3)
    job.stage("get_sources", "Getting source from Git repository", clone_ok(), 2)
    job.stage("restore_cache", "Restoring cache",
              notice("Checking cache for main-protected...")
              + helper("Downloading cache from https://storage.googleapis.com/acme-runner-cache/project/4242/main-protected",
                       [("ETag", '"5f0c2e7d3b9a41c8e6d2f1a0b7c9e3d4"')])
              + notice("Successfully extracted cache"), 4)
    job.stage("download_artifacts", "Downloading artifacts",
              notice("Downloading artifacts for build-assets (8123456780)...")
              + helper("Downloading artifacts from coordinator... ok",
                       [("host", "gitlab.example.com"), ("id", "8123456780"), ("responseStatus", "200 OK"),
                        ("token", "glcbt-66")]), 1)
    script = (command("npm ci")
              + "\n"
              + "added 1284 packages, and audited 1285 packages in 41s\n"
              + "\n"
              + "found 0 vulnerabilities\n"
              + script_section(1760003262, "script_step", 1, 'for pkg in api web; do\n  npm run build --workspace "$pkg"\ndone')
              + "\n> api@2.4.0 build\n> tsc -p tsconfig.build.json\n"
              + "\n> web@2.4.0 build\n> vite build\n"
              + "vite v5.4.8 building for production...\n"
              + "transforming...\r\u2713 1432 modules transformed.\n"
              + "dist/index.html                   0.46 kB \u2502 gzip:  0.30 kB\n"
              + "dist/assets/index-4f1c2a9b.js   612.31 kB \u2502 gzip: 187.02 kB\n"
              + "\u2713 built in 9.87s\n"
              + command("npm test -- --ci --reporters=default --reporters=jest-junit")
              + " PASS  src/cart.test.ts\n PASS  src/checkout.test.ts (5.112 s)\n"
              + "\nTest Suites: 2 passed, 2 total\nTests:       41 passed, 41 total\n")
    job.stage("step_script", 'Executing "step_script" stage of the job script', script, 58)
    job.stage("after_script", "Running after_script",
              notice("Running after script...")
              + script_section(1760003276, "after_script_step", 0, 'if [ -f coverage/summary.txt ]; then\n  cat coverage/summary.txt\nfi')
              + "Statements   : 87.12% ( 1342/1540 )\n", 1)
    job.stage("archive_cache", "Saving cache for successful job",
              notice("Creating cache main-protected...")
              + helper("node_modules/: found 24113 matching artifact files and directories")
              + helper("Uploading cache.zip to https://storage.googleapis.com/acme-runner-cache/project/4242/main-protected")
              + notice("Created cache"), 12)
    job.stage("upload_artifacts_on_success", "Uploading artifacts for successful job",
              notice("Uploading artifacts...")
              + helper("dist/: found 17 matching artifact files and directories")
              + helper('Uploading artifacts as "archive" to coordinator... 201 Created',
                       [("id", "8123456789"), ("responseStatus", "201 Created"), ("token", "glcbt-66")])
              + notice("Uploading artifacts...")
              + helper("junit.xml: found 1 matching artifact files and directories")
              + helper('Uploading artifacts as "junit" to coordinator... 201 Created',
                       [("id", "8123456789"), ("responseStatus", "201 Created"), ("token", "glcbt-66")]), 3)
    job.stage("cleanup_file_variables", "Cleaning up project directory and file based variables", "", 1)
    job.add(infoln("Job succeeded"))
    return job.text()


def k8s_17_failed_get_sources():
    job = Job(1760007000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    k8s_prepare(job, "alpine:3.20")
    unreachable = ("fatal: unable to access 'https://gitlab.example.com/acme/web-shop.git/': "
                   "Could not resolve host: gitlab.example.com\n")
    first = (notice("Fetching changes with git depth set to 20...")
             + "Initialized empty Git repository in /builds/acme/web-shop/.git/\n"
             + notice("Created fresh repository.") + unreachable)
    again = (notice("Fetching changes with git depth set to 20...")
             + "Reinitialized existing Git repository in /builds/acme/web-shop/.git/\n" + unreachable)
    # GET_SOURCES_ATTEMPTS: 3; clear_worktree runs once, before the second attempt (common/build.go)
    job.stage("get_sources", "Getting source from Git repository", first, 2)
    job.stage("clear_worktree", "Deleting all tracked and untracked files due to source fetch failure",
              notice("Deleting tracked and untracked files..."), 0)
    job.stage("get_sources", "Getting source from Git repository", again, 2)
    job.stage("get_sources", "Getting source from Git repository", again, 2)
    job.stage("upload_artifacts_on_failure", "Uploading artifacts for failed job",
              notice("Uploading artifacts...")
              + helper("reports/: no matching files. Ensure that the artifact path is relative to the working directory "
                       "(/builds/acme/web-shop)", level="warn")
              + helper("No files to upload", level="error"), 1)
    job.stage("cleanup_file_variables", "Cleaning up project directory and file based variables", "", 0)
    job.add(errorln("Job failed: command terminated with exit code 1"))
    return job.text()


def k8s_17_failed_step_script():
    job = Job(1760010000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    k8s_prepare(job, "maven:3.9-eclipse-temurin-21", waits=1, node=None)
    job.stage("get_sources", "Getting source from Git repository", clone_ok("9c8b7a6d"), 3)
    script = (command("mvn -B -ntp verify")
              + "[INFO] Scanning for projects...\n"
              + "[INFO] \n"
              + "[INFO] " + E + "[1m--------------------------< " + E + "[0;36mcom.acme:orders" + E + "[0;1m >---------------------------" + E + "[m\n"
              + "[INFO] " + E + "[1mBuilding orders 1.4.0-SNAPSHOT" + E + "[m\n"
              + "[INFO] -------------------------------------------------------\n"
              + "[INFO]  T E S T S\n"
              + "[INFO] -------------------------------------------------------\n"
              + "[INFO] Running com.acme.orders.OrderServiceTests\n"
              + "[" + E + "[1;31mERROR" + E + "[m] " + E + "[1;31mTests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 2.481 s <<< FAILURE! -- in com.acme.orders.OrderServiceTests" + E + "[m\n"
              + "[" + E + "[1;31mERROR" + E + "[m] com.acme.orders.OrderServiceTests.refusesAnEmptyCart -- Time elapsed: 0.041 s <<< FAILURE!\n"
              + "org.opentest4j.AssertionFailedError: expected: <400> but was: <500>\n"
              + "\tat com.acme.orders.OrderServiceTests.refusesAnEmptyCart(OrderServiceTests.java:87)\n"
              + "[INFO] " + E + "[1;31mBUILD FAILURE" + E + "[m\n"
              + "[" + E + "[1;31mERROR" + E + "[m] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test (default-test) on project orders: There are test failures.\n")
    job.stage("step_script", 'Executing "step_script" stage of the job script', script, 74)
    job.stage("after_script", "Running after_script",
              notice("Running after script...")
              + command("cat target/surefire-reports/*.txt | tail -n 3")
              + "Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 2.481 s <<< FAILURE! -- in com.acme.orders.OrderServiceTests\n", 1)
    job.stage("archive_cache_on_failure", "Saving cache for failed job",
              notice("Creating cache maven-repository...")
              + helper(".m2/repository/: found 5810 matching artifact files and directories")
              + helper("Uploading cache.zip to https://storage.googleapis.com/acme-runner-cache/project/4242/maven-repository")
              + notice("Created cache"), 6)
    job.stage("upload_artifacts_on_failure", "Uploading artifacts for failed job",
              notice("Uploading artifacts...")
              + helper("target/surefire-reports/TEST-*.xml: found 3 matching artifact files and directories")
              + helper('Uploading artifacts as "junit" to coordinator... 201 Created',
                       [("id", "8123456790"), ("responseStatus", "201 Created"), ("token", "glcbt-66")]), 2)
    job.stage("cleanup_file_variables", "Cleaning up project directory and file based variables", "", 0)
    job.add(errorln("Job failed: command terminated with exit code 1"))
    return job.text()


def k8s_17_canceled():
    job = Job(1760013000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    k8s_prepare(job, "python:3.12-slim", waits=1)
    job.stage("get_sources", "Getting source from Git repository", clone_ok("4d5e6f70", "feature/slow-tests"), 2)
    script = (command("pip install -r requirements.txt")
              + "Collecting pytest==8.3.3 (from -r requirements.txt (line 1))\n"
              + "  Downloading pytest-8.3.3-py3-none-any.whl.metadata (7.5 kB)\n"
              + "Successfully installed iniconfig-2.0.0 pluggy-1.5.0 pytest-8.3.3\n"
              + command("pytest -q tests/integration")
              + "........................................................................ [ 24%]\n"
              + "..........................................")
    job.stage("step_script", 'Executing "step_script" stage of the job script', script, 912)
    job.add(warningln("script canceled externally (UI, API)"))
    job.stage("after_script", "Running after_script", notice("Running after script...") + command("echo \"job status: $CI_JOB_STATUS\"") + "job status: canceled\n", 1)
    job.stage("cleanup_file_variables", "Cleaning up project directory and file based variables", "", 0)
    job.add(errorln("Job failed: canceled"))
    return job.text()


def k8s_17_secrets_forbidden():
    job = Job(1760016000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    job.stage("prepare_executor", 'Preparing the "kubernetes" executor',
              println("Using Kubernetes namespace: " + NS)
              + println("Using Kubernetes executor with image alpine:3.20 ...")
              + println("Using attach strategy to execute scripts..."), 0)
    job.stage("prepare_script", "Preparing environment", "", 0)
    job.add(errorln('Job failed (system failure): prepare environment: setting up credentials: secrets is forbidden: '
                    'User "system:serviceaccount:gitlab-runner:gitlab-runner" cannot create resource "secrets" in API group "" '
                    'in the namespace "ci-builds". Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading '
                    'for more information'))
    return job.text()


def k8s_17_user_sections():
    """Sections the job prints itself (doc/ci/jobs/job_logs.md), nested, with options, plus an
    end for a name that was never opened (a typo): GitLab ignores it."""
    job = Job(1760019000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    k8s_prepare(job, "alpine:3.20", waits=1)
    job.stage("get_sources", "Getting source from Git repository", clone_ok("77aa88bb"), 1)
    script = (command('echo -e "\\e[0Ksection_start:`date +%s`:deps[collapsed=true]\\r\\e[0KInstalling dependencies"')
              + CLEAR + "section_start:1760019012:deps[collapsed=true]\r" + CLEAR + "Installing dependencies\n"
              + command("apk add --no-cache curl jq")
              + "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n"
              + "(1/2) Installing curl (8.9.1-r1)\n(2/2) Installing jq (1.7.1-r0)\nOK: 12 MiB in 16 packages\n"
              + command('echo -e "\\e[0Ksection_start:`date +%s`:deps.verify[collapsed=true, hide_duration=true]\\r\\e[0KChecking versions"')
              + CLEAR + "section_start:1760019015:deps.verify[collapsed=true, hide_duration=true]\r" + CLEAR + "Checking versions\n"
              + command("jq --version")
              + "jq-1.7.1\n"
              + command('echo -e "\\e[0Ksection_end:`date +%s`:deps-verify\\r\\e[0K"')
              + CLEAR + "section_end:1760019015:deps-verify\r" + CLEAR + "\n"
              + command('echo -e "\\e[0Ksection_end:`date +%s`:deps.verify\\r\\e[0K"')
              + CLEAR + "section_end:1760019016:deps.verify\r" + CLEAR + "\n"
              + command('echo -e "\\e[0Ksection_end:`date +%s`:deps\\r\\e[0K"')
              + CLEAR + "section_end:1760019017:deps\r" + CLEAR + "\n"
              + command("./deploy.sh staging")
              + "Deploying web-shop 2.4.0 to staging\n"
              + "deployment.apps/web-shop configured\n")
    job.stage("step_script", 'Executing "step_script" stage of the job script', script, 14)
    job.stage("cleanup_file_variables", "Cleaning up project directory and file based variables", "", 0)
    job.add(infoln("Job succeeded"))
    return job.text()


def k8s_17_log_limit():
    """output_limit = 16 (KB): the trace buffer keeps the first 16384 bytes, cut back to a UTF-8
    boundary, appends the notice and drops every later write, the final status included."""
    job = Job(1760022000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    k8s_prepare(job, "golang:1.23", waits=1)
    job.stage("get_sources", "Getting source from Git repository", clone_ok("3e4f5a6b"), 2)
    job.add(start(job.ts, "step_script") + stage_header('Executing "step_script" stage of the job script')
            + command("go test -v ./..."))
    limit = 16384
    for seed in range(1000):
        # the first seed whose output puts the limit inside a two-byte character
        rng = random.Random(seed)
        body = ""
        n = 0
        while len((job.text() + body).encode("utf-8")) <= limit + 200:
            n += 1
            case = "Test%s/case_%03d" % (["Reconcile", "Quota", "Billing"][n % 3], n)
            body += "=== RUN   %s\n" % case
            body += "    fixture_test.go:%d: loaded fixture \u00ab%s\u00bb in %dms\n" % (
                40 + n % 50, rng.choice(["small", "large-%d" % n, "tenant-%05d" % rng.randint(0, 99999)]), rng.randint(1, 90))
            body += "--- PASS: %s (0.%02ds)\n" % (case, rng.randint(0, 99))
        raw = (job.text() + body).encode("utf-8")
        if (raw[limit] & 0xC0) == 0x80:
            break
    cut = limit
    while (raw[cut] & 0xC0) == 0x80:
        cut -= 1
    notice_bytes = ("\n" + BOLD_YELLOW + "Job's log exceeded limit of %d bytes.\n" % limit
                    + "Job execution will continue but no more output will be collected." + RESET + "\n").encode("utf-8")
    return raw[:cut] + notice_bytes


# ---- old runners ----

def old_println(text):
    # before v14.2.0 the reset came after the newline (commit 6247e5aac)
    return CLEAR + text + "\n" + RESET


def old_infoln(text):
    return GREEN + text + "\n" + RESET


def old_errorln(text):
    return RED + "ERROR: " + text + "\n" + RESET


def k8s_11_10():
    """Runner 11.10: no stage headers yet, the user script is build_script, resets start the next line."""
    ns, pod = "gitlab", "runner-fzhnlaow-project-4155-concurrent-0s7k2x"
    ts = 1563219645
    out = old_println("Running with gitlab-runner 11.10.1 (1f513601)")
    out += old_println("  on eio-maven-group-runner FZHnLaoW")
    out += start(ts, "prepare_executor")
    out += old_println("Using Kubernetes namespace: " + ns)
    out += old_println("Using Kubernetes executor with image maven:3-jdk-11 ...")
    out += end(ts, "prepare_executor") + start(ts, "prepare_script")
    out += pod_wait(ns, pod, "Pending", []) * 2
    out += "Running on %s via eio-maven-group-runner-6fc66688c9-w2kjb...\n" % pod
    ts += 6
    out += end(ts, "prepare_script") + start(ts, "get_sources")
    out += notice("Fetching changes with git depth set to 50...")
    out += "Initialized empty Git repository in /builds/FZHnLaoW/0/eio/orders/.git/\n"
    out += notice("Created fresh repository.")
    out += "From https://gitlab.example.com/eio/orders\n * [new branch]      master     -> origin/master\n"
    out += notice("Checking out 5e4b7c2a as master...")
    out += notice("Skipping Git submodules setup")
    ts += 3
    out += end(ts, "get_sources") + start(ts, "restore_cache")
    out += notice("Checking cache for default-1...")
    out += warning("No URL provided, cache will not be downloaded from shared cache server. Instead a local version of cache will be extracted.")
    out += notice("Successfully extracted cache")
    ts += 1
    out += end(ts, "restore_cache") + start(ts, "download_artifacts")
    out += end(ts, "download_artifacts") + start(ts, "build_script")
    out += command("mvn -B verify")
    out += "[INFO] Scanning for projects...\n[INFO] BUILD SUCCESS\n"
    ts += 95
    out += end(ts, "build_script") + start(ts, "after_script") + end(ts, "after_script")
    out += start(ts, "archive_cache")
    out += notice("Creating cache default-1...")
    out += ".m2/repository/: found 4120 matching files\n"
    out += warning("No URL provided, cache will be not uploaded to shared cache server. Cache will be stored only locally.")
    out += notice("Created cache")
    ts += 4
    out += end(ts, "archive_cache") + start(ts, "upload_artifacts_on_success") + end(ts, "upload_artifacts_on_success")
    out += old_infoln("Job succeeded")
    return out


def k8s_12_10():
    """Runner 12.10: stage headers exist (Println(cyan + text + reset), reset after the newline),
    build_script is 'Running before_script and script'; a failed job."""
    ns, pod = "ci", "runner-j2nywws-project-77-concurrent-0fv8rt"
    ts = 1593155382
    out = old_println("Running with gitlab-runner 12.10.2 (c5874a4b)")
    out += old_println("  on k8s-shared J2nywwsM")
    out += start(ts, "prepare_executor") + old_println(CYAN + 'Preparing the "kubernetes" executor' + RESET)
    out += old_println("Using Kubernetes namespace: " + ns)
    out += old_println("Using Kubernetes executor with image node:12 ...")
    out += end(ts, "prepare_executor") + start(ts, "prepare_script") + old_println(CYAN + "Preparing environment" + RESET)
    out += pod_wait(ns, pod, "Pending", [("ContainersNotReady", "containers with unready status: [build helper]")])
    out += "Running on %s via gitlab-runner-58c9d7f7c4-2kq9d...\n" % pod
    ts += 4
    out += end(ts, "prepare_script") + start(ts, "get_sources") + old_println(CYAN + "Getting source from Git repository" + RESET)
    out += notice("Fetching changes with git depth set to 50...")
    out += "Initialized empty Git repository in /builds/J2nywwsM/0/web/frontend/.git/\n"
    out += notice("Created fresh repository.")
    out += notice("Checking out a1b2c3d4 as master...")
    out += notice("Skipping Git submodules setup")
    ts += 2
    out += end(ts, "get_sources") + start(ts, "build_script") + old_println(CYAN + "Running before_script and script" + RESET)
    out += command("yarn install --frozen-lockfile")
    out += "yarn install v1.22.4\n[1/4] Resolving packages...\n"
    out += "error An unexpected error occurred: \"https://registry.yarnpkg.com/react: ETIMEDOUT\".\n"
    ts += 31
    out += end(ts, "build_script") + start(ts, "after_script") + old_println(CYAN + "Running after_script" + RESET)
    out += command("rm -rf .cache")
    out += end(ts, "after_script") + start(ts, "upload_artifacts_on_failure") + old_println(CYAN + "Uploading artifacts for failed job" + RESET)
    out += end(ts, "upload_artifacts_on_failure")
    out += old_errorln("Job failed: command terminated with exit code 1")
    return out


def k8s_9_3():
    """gitlab-ci-multi-runner 9.3.0: no section markers yet, the header and the runner line are one
    Println with an embedded newline, the short token in parentheses."""
    ns, pod = "gitlab", "runner-68474e7c-project-12-concurrent-0x9k2f"
    out = CLEAR + "Running with gitlab-ci-multi-runner 9.3.0 (3df822b)\n  on k8s (68474e7c)\n" + RESET
    out += CLEAR + "Using Kubernetes namespace: " + ns + "\n" + RESET
    out += CLEAR + "Using Kubernetes executor with image node:8 ...\n" + RESET
    out += pod_wait(ns, pod, "Pending", []) * 3
    out += "Running on %s via gitlab-runner-3155342279-5x0xr...\n" % pod
    out += notice("Cloning repository...")
    out += "Cloning into '/builds/web/shop'...\n"
    out += notice("Checking out 9f8e7d6c as master...")
    out += notice("Skipping Git submodules setup")
    out += command("npm install")
    out += "npm ERR! code E404\nnpm ERR! 404 Not Found: left-pad@9.9.9\n"
    out += RED + "ERROR: Job failed: error executing remote command: command terminated with non-zero exit code: Error executing in Docker Container: 1\n" + RESET
    return out


# ---- FF_TIMESTAMPS (common/buildlogger/internal/timestamper/timestamper.go) ----

class Timestamped:
    """Writes physical lines with the 32-byte header; `+` continues the previous physical line."""

    def __init__(self, when):
        self.when = when
        self.out = []

    def tick(self, seconds=0.000137):
        self.when += datetime.timedelta(seconds=seconds)

    def line(self, stream, kind, text, continued=False):
        stamp = self.when.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % self.when.microsecond
        self.out.append("%s %02x%s%s%s\n" % (stamp, stream, kind, "+" if continued else " ", text))
        self.tick()

    def text(self):
        return "".join(self.out)


def ts_marker(log, ts, kind, name, split_at_last_cr, continued):
    """A marker write `section_X:ts:name\\r\\e[0K` through the timestamper. Runner 19.1+ keeps the
    whole write in one entry; 19.0 and older split it at the last \\r and the `\\e[0K` begins the
    next, `+`-flagged, physical line."""
    marker = "section_%s:%d:%s\r" % (kind, ts, name)
    if split_at_last_cr:
        log.line(0, "O", (CLEAR if continued else "") + marker, continued)
    else:
        log.line(0, "O", marker + CLEAR, continued)


def timestamped_job(version, revision, split_at_last_cr):
    log = Timestamped(datetime.datetime(2025, 10, 9, 12, 43, 46, 118204))
    pending_clear = False

    def runner(text):
        # a build-logger line on stream 00 O; continues a marker written just before it
        nonlocal pending_clear
        log.line(0, "O", (CLEAR if split_at_last_cr and pending_clear else "") + text, continued=pending_clear)
        pending_clear = False

    def marker(kind, ts, name):
        nonlocal pending_clear
        at = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=ts, microseconds=118)
        log.when = max(log.when, at)
        ts_marker(log, ts, kind, name, split_at_last_cr, continued=pending_clear)
        pending_clear = True

    log.line(0, "O", CLEAR + "Running with gitlab-runner %s (%s)" % (version, revision) + RESET)
    log.line(0, "O", CLEAR + "  on gke-ops-runner XmDXAt7xd, system ID: r_N4E6Vxd4NGE4" + RESET)
    log.line(0, "O", CLEAR + "  feature flags: FF_TIMESTAMPS:true, CI_DEBUG_SERVICES:true" + RESET)
    ts = 1760013826
    marker("start", ts, "prepare_executor")
    runner(CLEAR + CYAN + 'Preparing the "kubernetes" executor' + RESET + RESET)
    runner(CLEAR + "Using Kubernetes namespace: ci-builds" + RESET)
    runner(CLEAR + "Using Kubernetes executor with image node:20 ..." + RESET)
    runner(CLEAR + "Using attach strategy to execute scripts..." + RESET)
    marker("end", ts, "prepare_executor")
    marker("start", ts, "prepare_script")
    runner(CLEAR + CYAN + "Preparing environment" + RESET + RESET)
    pod = "runner-xmdxat7xd-project-276-concurrent-0-fcszii4a"
    node = "gke-ops-central-runner-n4-1-057a56ad-cjqj"
    log.tick(3)
    log.line(0, "E", "Waiting for pod ci-builds/%s to be running on the node %s, status is Pending" % (pod, node))
    log.line(0, "E", '\t%s: "%s"' % NOT_INITIALIZED)
    log.line(0, "E", '\t%s: "%s"' % NOT_READY)
    log.tick(3)
    log.line(0, "E", "Waiting for pod ci-builds/%s to be running on the node %s, status is Pending" % (pod, node))
    log.line(0, "E", '\t%s: "%s"' % NOT_READY)
    log.line(1, "O", "Running on %s via gitlab-runner-6b8f9d7c5-x2x7k..." % pod)
    ts += 7
    marker("end", ts, "prepare_script")
    marker("start", ts, "get_sources")
    runner(CLEAR + CYAN + "Getting source from Git repository" + RESET + RESET)
    log.line(1, "O", GREEN + "Fetching changes with git depth set to 20..." + RESET)
    log.line(1, "O", "Initialized empty Git repository in /builds/ops/release-tools/.git/")
    log.line(1, "O", GREEN + "Created fresh repository." + RESET)
    log.line(1, "O", GREEN + "Checking out 0f1e2d3c as detached HEAD (ref is main)..." + RESET)
    ts += 2
    marker("end", ts, "get_sources")
    marker("start", ts, "step_script")
    runner(CLEAR + CYAN + 'Executing "step_script" stage of the job script' + RESET + RESET)
    log.line(0x0f, "O", GREY + "[service:postgres-db] 2025-10-09T12:43:54.902113512Z 2025-10-09 12:43:54.902 UTC [1] LOG:  database system is ready to accept connections" + RESET)
    log.line(1, "O", GREEN + "$ npm ci" + RESET)
    # a progress bar: each write ends in \r, so each becomes a physical line and the next one continues it
    log.tick(2)
    log.line(1, "O", "Downloading packages  10%\r")
    log.line(1, "O", "Downloading packages  60%\r", continued=True)
    log.line(1, "O", "Downloading packages 100%\r", continued=True)
    log.tick(12)
    log.line(1, "O", "added 812 packages in 14s", continued=True)
    log.line(1, "O", GREEN + "$ node scripts/dump-config.js" + RESET)
    # a logical line longer than bufSize (8 KiB) without \n leaves in pieces, each later one `+`
    blob = "config=" + "".join("%s=%d;" % (k, i) for i in range(1400) for k in ["key"])
    pieces = [blob[i:i + 8300] for i in range(0, len(blob), 8300)]
    for i, piece in enumerate(pieces):
        log.line(1, "O", piece, continued=i > 0)
    log.line(1, "O", GREEN + "$ npm run migrate" + RESET)
    log.tick(9)
    log.line(1, "O", "Error: connect ECONNREFUSED 10.8.0.12:5432")
    log.line(1, "O", "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)")
    log.line(0x0f, "E", GREY + "[service:postgres-db] 2025-10-09T12:44:18.004518305Z 2025-10-09 12:44:18.004 UTC [63] FATAL:  password authentication failed for user \"app\"" + RESET)
    ts += 24
    marker("end", ts, "step_script")
    marker("start", ts, "cleanup_file_variables")
    runner(CLEAR + CYAN + "Cleaning up project directory and file based variables" + RESET + RESET)
    ts += 1
    marker("end", ts, "cleanup_file_variables")
    if split_at_last_cr:
        # b.logger.Close() flushes the buffered `\e[0K` before setTraceStatus writes with a new logger
        log.line(0, "O", CLEAR, continued=True)
    log.line(0, "O", RED + "ERROR: Job failed: command terminated with exit code 1" + RESET)
    return log.text()


def timestamped_log_limit():
    """output_limit = 2 (KB) on runner 19.2: the limit counts the bytes below the timestamper,
    headers included, and the notice itself gets no header."""
    log = Timestamped(datetime.datetime(2025, 10, 9, 14, 2, 11, 4))
    log.line(0, "O", CLEAR + "Running with gitlab-runner 19.2.0 (39acda30)" + RESET)
    log.line(0, "O", CLEAR + "  on gke-ops-runner XmDXAt7xd, system ID: r_N4E6Vxd4NGE4" + RESET)
    log.line(0, "O", "section_start:1760018531:step_script\r" + CLEAR)
    log.line(0, "O", CLEAR + CYAN + 'Executing "step_script" stage of the job script' + RESET + RESET, continued=True)
    log.line(1, "O", GREEN + "$ ./gradlew build --info" + RESET)
    limit = 2048
    tasks = ["%s:%s" % (module, task) for module in ["common", "model", "api", "service", "web"]
             for task in ["compileJava", "processResources", "classes", "compileTestJava", "test", "jar"]]
    for task in tasks:
        log.line(1, "O", "> Task :" + task)
        if len(log.text()) > limit and limit - log.text().rfind("\n", 0, limit) > 40:
            break  # the limit falls in the middle of a message, after its header
    cut = log.text()[:limit]
    return cut + ("\n" + BOLD_YELLOW + "Job's log exceeded limit of %d bytes.\n" % limit
                  + "Job execution will continue but no more output will be collected." + RESET + "\n")


# ---- copies from the job page (trace-format.md section 7.3) ----

def ui_copy_gapped_numbers():
    # GitLab 13.x/14.x: line numbers skip one number at each section end; durations glued to the header
    return """1 Running with gitlab-runner 14.10.1 (f761588f)
2  on k8s-runner-prod-5f7c9 TmQk2wGh
3  Preparing the "kubernetes" executor 00:00
4  Using Kubernetes namespace: ci-builds
5  Using Kubernetes executor with image python:3.11 ...
6  Using attach strategy to execute scripts...
8  Preparing environment 00:07
9  Waiting for pod ci-builds/runner-tmqk2wgh-project-4242-concurrent-0n8vq7 to be running, status is Pending
10\tContainersNotReady: "containers with unready status: [build helper]"
11 Waiting for pod ci-builds/runner-tmqk2wgh-project-4242-concurrent-0n8vq7 to be running, status is Pending
12\tContainersNotReady: "containers with unready status: [build helper]"
13 Running on runner-tmqk2wgh-project-4242-concurrent-0n8vq7 via gitlab-runner-5f7c9d8b6-ttx2w...
15 Getting source from Git repository 00:02
16 Fetching changes with git depth set to 20...
17 Initialized empty Git repository in /builds/data/etl/.git/
18 Created fresh repository.
19 Checking out 6a7b8c9d as main...
20 Skipping Git submodules setup
22 Executing "step_script" stage of the job script 01:12
23 $ pip install -r requirements.txt
24 Collecting pandas==2.2.3
25 $ python -m etl.run --date 2025-10-08
26 Traceback (most recent call last):
27   File "/builds/data/etl/etl/run.py", line 41, in <module>
28     main()
29 MemoryError: Unable to allocate 3.17 GiB for an array with shape (425000000,) and data type float64
31 Cleaning up project directory and file based variables 00:01
33 ERROR: Job failed: command terminated with exit code 1
"""


def ui_copy_durations_own_line():
    # gitlab-org/gitlab-runner#28021 (runner 14.1): no line numbers, durations on their own line,
    # the `  on` indentation lost
    return """Running with gitlab-runner 14.1.0~beta.50.g5da932f9 (5da932f9)
on gitlab-runner-5898759dcf-vxjb5 QWvJYfp5
Preparing the "kubernetes" executor
00:00
Using Kubernetes namespace: gitlab
Using Kubernetes executor with image docker:latest ...
Using attach strategy to execute scripts...
Preparing environment
00:00
ERROR: Job failed (system failure): prepare environment: setting up build pod: pods "runner-qwvjyfp5-project-1055-concurrent-0hd42x" is forbidden: failed quota: default-zg9sg: must specify limits.cpu,limits.memory,requests.cpu,requests.memory. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information
"""


def ui_copy_clock_times():
    # a timestamped log copied with the HH:MM:SS column; current UI numbers without gaps
    return """1 12:43:46 Running with gitlab-runner 18.8.0 (9ffb4aa0)
2 12:43:46   on gke-ops-runner XmDXAt7xd, system ID: r_N4E6Vxd4NGE4
3 12:43:46 Preparing the "kubernetes" executor 00:00
4 12:43:46 Using Kubernetes namespace: ci-builds
5 12:43:46 Using Kubernetes executor with image node:20 ...
6 12:43:46 Preparing environment 00:07
7 12:43:49 Waiting for pod ci-builds/runner-xmdxat7xd-project-276-concurrent-0-fcszii4a to be running on the node gke-ops-central-runner-n4-1-057a56ad-cjqj, status is Pending
8 12:43:49 \tContainersNotReady: "containers with unready status: [build helper]"
9 12:43:53 Running on runner-xmdxat7xd-project-276-concurrent-0-fcszii4a via gitlab-runner-6b8f9d7c5-x2x7k...
10 12:43:53 Getting source from Git repository 00:02
11 12:43:54 Fetching changes with git depth set to 20...
12 12:43:55 Checking out 0f1e2d3c as detached HEAD (ref is main)...
13 12:43:55 Executing "step_script" stage of the job script 00:13
14 12:43:56 $ npm run migrate
15 12:44:08 Error: connect ECONNREFUSED 10.8.0.12:5432
16 12:44:09 Cleaning up project directory and file based variables 00:01
17 12:44:09 ERROR: Job failed: command terminated with exit code 1
"""


def ui_copy_markdown_anchors():
    base = "https://gitlab.example.com/acme/web-shop/-/jobs/8123456789#L"
    lines = [(1, "Running with gitlab-runner 17.11.1 (96856197)"),
             (2, "  on k8s-prod-runner XmDXAt7xd, system ID: s_5a4e4f0a6b1c"),
             (3, 'Preparing the "kubernetes" executor 00:01'),
             (4, "Using Kubernetes namespace: ci-builds"),
             (5, "Preparing environment 00:04"),
             (6, "Running on runner-xmdxat7xd-project-4242-concurrent-0-k3v9q2wd via gitlab-runner-7d9f8c6b5-q4m2x..."),
             (7, 'Executing "step_script" stage of the job script 00:31'),
             (8, "$ helm upgrade --install web-shop ./chart -n shop"),
             (9, 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress'),
             (10, "Cleaning up project directory and file based variables 00:00"),
             (11, "ERROR: Job failed: command terminated with exit code 1")]
    return "".join("[%d](%s%d) %s\n" % (n, base, n, text) for n, text in lines)


def ui_copy_quoted():
    # pasted into a markdown reply: every line quoted, blank quoted lines between paragraphs
    return """> Running with gitlab-runner 17.4.0 (b92ee590)
>   on k8s-runner AbCdE1fGh, system ID: s_0123456789ab
> Preparing the "kubernetes" executor 00:00
> Using Kubernetes namespace: ci
> Using Kubernetes executor with image alpine:3.20 ...
> Preparing environment 03:02
> Waiting for pod ci/runner-abcde1fgh-project-42-concurrent-0-x1y2z3w4 to be running, status is Pending
> \tUnschedulable: "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
>
> ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information
"""


def ui_copy_starts_midway():
    # the user copied from the middle of the job: no runner header, numbers start at 57
    return """57 $ docker build -t registry.example.com/acme/api:$CI_COMMIT_SHORT_SHA .
58 Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?
60 Cleaning up project directory and file based variables 00:00
62 ERROR: Job failed: command terminated with exit code 1
"""


def ui_copy_ends_midway():
    # copied while the job was still running, cut mid-line: no final status
    return """1 Running with gitlab-runner 17.11.1 (96856197)
2  on k8s-prod-runner XmDXAt7xd, system ID: s_5a4e4f0a6b1c
3 Preparing the "kubernetes" executor 00:00
4 Using Kubernetes namespace: ci-builds
6 Preparing environment 00:03
7 Running on runner-xmdxat7xd-project-4242-concurrent-0-k3v9q2wd via gitlab-runner-7d9f8c6b5-q4m2x...
9 Getting source from Git repository 00:01
10 Fetching changes with git depth set to 20...
12 Executing "step_script" stage of the job script
13 $ ./gradlew test
14 > Task :app:test
15 OrderServiceTests > refusesAnEmptyCart() PASSED
16 OrderServiceTests > acceptsAFullCa"""


def ui_copy_showing_last():
    # the job page shows only the tail of a big log, with the top bar text above the lines
    return """Showing last 500 KiB of log - Complete Raw
1 [INFO] Tests run: 38, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: 1.274 s - in com.acme.ServiceTests
2 [INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.913 s - in com.acme.BillingTests
3 [ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.402 s <<< FAILURE! - in com.acme.QuotaTests
4 [ERROR] BUILD FAILURE
6 Uploading artifacts for failed job 00:02
7 Uploading artifacts...
8 target/surefire-reports/TEST-*.xml: found 31 matching artifact files and directories
9 Uploading artifacts as "junit" to coordinator... 201 Created  id=8123456791 responseStatus=201 Created token=glcbt-66
11 Cleaning up project directory and file based variables 00:00
13 ERROR: Job failed: command terminated with exit code 1
"""


# ---- escapes stripped on the way to the user ----

def strip_escapes():
    # a 17.x raw trace whose ESC bytes were deleted (tr -d '\033'); the carriage returns stay
    return k8s_17_failed_get_sources().replace(E, "")


def syslog_hash_033():
    """The runner manager's own log read from syslog: rsyslog writes ESC as #033. Lines come from
    log/runner_formatter.go (message padded to 50 columns, coloured keys)."""
    def entry(stamp, level, message, fields):
        colour, prefix = {"info": ("", ""), "warn": (YELLOW, "WARNING: "), "error": (RED, "ERROR: ")}[level]
        line = "%s%s%-*s%s " % (colour, prefix, 50 - len(prefix), message, RESET)
        for key, value in fields:
            line += " %s%s%s=%s" % (colour, key, RESET, value)
        return ("Oct  9 12:%s ci-runner-01 gitlab-runner[812]: " % stamp + line).replace(E, "#033") + "\n"

    return (entry("43:46", "info", "Checking for jobs... received",
                  [("job", "8123456789"), ("repo_url", "https://gitlab.example.com/acme/web-shop.git"),
                   ("runner", "XmDXAt7xd")])
            + entry("44:09", "warn", "Job failed: command terminated with exit code 1",
                    [("duration_s", "23.402117"), ("job", "8123456789"), ("project", "4242"), ("runner", "XmDXAt7xd")])
            + entry("44:10", "error", "Error cleaning up pod: pods \"runner-xmdxat7xd-project-4242-concurrent-0-k3v9q2wd\" is forbidden: User \"system:serviceaccount:gitlab-runner:gitlab-runner\" cannot delete resource \"pods\" in API group \"\" in the namespace \"ci-builds\"",
                    [("job", "8123456789"), ("project", "4242"), ("runner", "XmDXAt7xd")]))


def caret_notation():
    # a raw trace shown by `cat -v`: ESC as ^[ and CR as ^M
    return k8s_17_secrets_forbidden().replace(E, "^[").replace("\r", "^M")


# ---- hostile inputs ----

def only_markers():
    out = ""
    for i, name in enumerate(["prepare_executor", "prepare_script", "get_sources", "step_script"]):
        out += start(1760000000 + i, name) + end(1760000000 + i, name)
    out += start(1760000010, "left_open") + start(1760000011, "inner[collapsed=true]")
    return out


def invalid_utf8():
    return (b"valid: gr\xc3\xbc\xc3\x9fe \xe2\x9c\x93 \xf0\x9f\x9a\x80\n"
            b"lone continuation bytes: \x80\xbf\n"
            b"overlong slash: \xc0\xaf and NUL: \xc0\x80\n"
            b"truncated three-byte sequence: \xe2\x82 then text\n"
            b"utf-16 surrogate: \xed\xa0\x80\n"
            b"beyond U+10FFFF: \xf4\x90\x80\x80 and \xf5\xff\n"
            b"latin-1 from a Windows tool: caf\xe9 na\xefve\n"
            b"\x1b[31;1mERROR: Job failed: command terminated with exit code 1\x1b[0;m\n")


def lone_esc_at_end():
    job = Job(1760030000)
    job.add(header("17.11.1", "96856197", "k8s-prod-runner", "XmDXAt7xd", "s_5a4e4f0a6b1c"))
    job.add(start(job.ts, "step_script") + stage_header('Executing "step_script" stage of the job script')
            + command("./flaky-tool --color") + "progress 42% " + E)
    return job.text()


def unterminated_osc():
    return (CLEAR + "Running with gitlab-runner 17.11.1 (96856197)" + RESET + "\n"
            + command("ls --hyperlink=always")
            # OSC 8 hyperlinks, terminated by ST (ESC \) and by BEL
            + E + "]8;;file:///builds/acme/web-shop/README.md" + E + "\\README.md" + E + "]8;;" + E + "\\\n"
            + E + "]8;;file:///builds/acme/web-shop/src\x07src\x1b]8;;\x07\n"
            # a window-title OSC that never ends: the rest of its line is swallowed
            + E + "]0;building web-shop in /builds/acme/web-shop and never terminated\n"
            + "next line is text again\n"
            + RED + "ERROR: Job failed: command terminated with exit code 2" + RESET + "\n")


def main():
    write("k8s-17-succeeded-every-stage.log", k8s_17_succeeded())
    write("k8s-17-failed-get-sources-retried.log", k8s_17_failed_get_sources())
    write("k8s-17-failed-step-script.log", k8s_17_failed_step_script())
    write("k8s-17-canceled.log", k8s_17_canceled())
    write("k8s-17-log-limit-truncated.log", k8s_17_log_limit())
    write("k8s-17-secrets-forbidden-system-failure.log", k8s_17_secrets_forbidden())
    write("k8s-17-user-sections-collapsed.log", k8s_17_user_sections())
    write("k8s-11-10-reset-after-newline.log", k8s_11_10())
    write("k8s-12-10-reset-after-newline.log", k8s_12_10())
    write("k8s-9-3-multi-runner.log", k8s_9_3())
    write("timestamped-19-1-marker-ends-its-line.log", timestamped_job("19.1.0", "5eb085ab", split_at_last_cr=False))
    write("timestamped-18-8-split-at-last-cr.log", timestamped_job("18.8.0", "9ffb4aa0", split_at_last_cr=True))
    write("timestamped-log-limit-notice-without-header.log", timestamped_log_limit())
    write("ui-copy-gapped-numbers-glued-durations.log", ui_copy_gapped_numbers())
    write("ui-copy-durations-on-their-own-line.log", ui_copy_durations_own_line())
    write("ui-copy-clock-times.log", ui_copy_clock_times())
    write("ui-copy-markdown-line-anchors.log", ui_copy_markdown_anchors())
    write("ui-copy-quoted.log", ui_copy_quoted())
    write("ui-copy-starts-midway.log", ui_copy_starts_midway())
    write("ui-copy-ends-midway.log", ui_copy_ends_midway())
    write("ui-copy-showing-last-500-kib.log", ui_copy_showing_last())
    write("stripped-esc-bracket-remnants.log", strip_escapes())
    write("stripped-syslog-hash-033.log", syslog_hash_033())
    write("stripped-caret-notation.log", caret_notation())
    write("hostile-empty.log", b"")
    write("hostile-only-markers.log", only_markers())
    write("hostile-nul-bytes.log", b"\x00" * 4096)
    write("hostile-random-binary.log", random.Random(20251009).randbytes(4096))
    write("hostile-crlf-everywhere.log", k8s_17_failed_step_script().replace("\n", "\r\n"))
    write("hostile-invalid-utf8.log", invalid_utf8())
    write("hostile-lone-esc-at-end.log", lone_esc_at_end())
    write("hostile-unterminated-osc.log", unterminated_osc())


if __name__ == "__main__":
    main()
