#!/usr/bin/env bash
# The probe scenario matrix on a real kube-apiserver (issue 13): starts etcd and kube-apiserver v1.20
# from ../shared/tools/real-kube-apiserver on loopback, makes tracedoc's service account bound to
# docker/kubernetes/tracedoc-probes-rbac.yaml with a token, runs RealClusterMatrixTests against it,
# and checks the server's audit log (the test does) for any request by tracedoc that is not a read
# or an access review. The server is stopped again however the run ends.
#
#   scripts/real-cluster-matrix.sh          # exit 0 passed, 1 failed, 3 no API server binary or etcd
#   scripts/real-cluster-matrix.sh --check  # only say whether the binary and etcd are there (0 / 3)
#
# Each run has its own state directory (certificates, etcd data, audit log) and free ports, so it never
# touches a server someone else started from the same tool. The binary is the one build.sh cached:
# $REAL_APISERVER_HOME/bin/kube-apiserver (default ~/.cache/real-kube-apiserver). KEEP=1 keeps the run's
# state directory; the tables land in app/target/probe-matrix/ (real.md, audit.md).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
tool=$(readlink -f "$root/../shared/tools/real-kube-apiserver" 2>/dev/null || true)
cache="${REAL_APISERVER_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/real-kube-apiserver}"
binary="$cache/bin/kube-apiserver"
etcd="${ETCD_BIN:-/usr/bin/etcd}"

missing=""
[[ -n "$tool" && -x "$tool/start.sh" ]] || missing="$missing ../shared/tools/real-kube-apiserver/start.sh"
[[ -x "$binary" ]] || missing="$missing $binary (build it once: ../shared/tools/real-kube-apiserver/build.sh)"
[[ -x "$etcd" ]] || missing="$missing $etcd (apt-get install etcd-server)"
command -v kubectl >/dev/null 2>&1 || missing="$missing kubectl"
if [[ -n "$missing" ]]; then
  echo "real-cluster-matrix: not run, missing:$missing" >&2
  exit 3
fi
[[ "${1:-}" == "--check" ]] && exit 0

free_port() { # a port nothing listens on, from a range the tool's defaults do not use
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    ss -ltnH "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return 0; }
  done
  echo "no free port found" >&2
  return 1
}

run_home=$(mktemp -d "${TMPDIR:-/tmp}/tracedoc-matrix.XXXXXX")
export REAL_APISERVER_HOME="$run_home"
export ETCD_PORT=$(free_port) ETCD_PEER_PORT=$(free_port) APISERVER_PORT=$(free_port)
mkdir -p "$run_home/bin"
ln -s "$(readlink -f "$binary")" "$run_home/bin/kube-apiserver"

cleanup() {
  "$tool/stop.sh" >/dev/null 2>&1 || true
  if [[ "${KEEP:-}" == "1" ]]; then echo "real-cluster-matrix: state kept in $run_home" >&2; else rm -rf "$run_home"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "real-cluster-matrix: starting kube-apiserver on 127.0.0.1:$APISERVER_PORT (etcd $ETCD_PORT)" >&2
admin=$(timeout 120 "$tool/start.sh" --fresh)
k() { kubectl --kubeconfig "$admin" --request-timeout=20s "$@"; }
k version -o json >/dev/null 2>&1 || { echo "real-cluster-matrix: the API server does not answer" >&2; exit 1; }

# tracedoc as it is deployed: its own service account, bound to the shipped ClusterRoles
k create namespace tracedoc >/dev/null
k -n tracedoc create serviceaccount tracedoc >/dev/null
k apply -f "$root/docker/kubernetes/tracedoc-probes-rbac.yaml" >/dev/null
# the TokenRequest API: the API server issues it itself, no controller-manager needed
token=$(k -n tracedoc create token tracedoc --duration=2h)
probe_kubeconfig="$run_home/tracedoc.kubeconfig"
cat >"$probe_kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: real
    cluster:
      server: https://127.0.0.1:$APISERVER_PORT
      certificate-authority: $run_home/pki/ca.crt
users:
  - name: tracedoc
    user:
      token: $token
contexts:
  - name: tracedoc
    context: { cluster: real, user: tracedoc }
current-context: tracedoc
EOF
chmod 600 "$probe_kubeconfig"
# the token works and is tracedoc's own, not the admin's
[[ "$(kubectl --kubeconfig "$probe_kubeconfig" auth can-i create pods -n tracedoc 2>/dev/null || true)" == "no" ]] \
  || { echo "real-cluster-matrix: tracedoc's token is not what the manifest grants" >&2; exit 1; }

source "$root/scripts/jdk.sh"
cd "$root"
status=0
TRACEDOC_IT_KUBECONFIG="$admin" TRACEDOC_IT_PROBE_KUBECONFIG="$probe_kubeconfig" \
TRACEDOC_IT_AUDIT_LOG="$run_home/logs/audit.log" \
  timeout 1200 mvn -B -ntp -pl app -am verify -Dtest='RealClusterMatrixTests' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true || status=$?
for table in app/target/probe-matrix/real.md app/target/probe-matrix/audit.md; do
  [[ -f "$table" ]] && { echo; cat "$table"; }
done
exit $(( status == 0 ? 0 : 1 ))
