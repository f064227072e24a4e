package io.tracedoc.pattern;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The closed list of root-cause categories ({@code patterns/taxonomy.md}, a copy of the
 * project's taxonomy). Every pattern declares one, every diagnosis reports one; the JSON
 * API, the CLI, the web UI, Slack and GitLab notes use the ids verbatim. Never rename
 * one.
 */
public enum Category {

	/**
	 * the runner has no usable Kubernetes config (no host, no in-cluster config,
	 * incomplete cert/key): "no configuration has been provided, try setting
	 * KUBERNETES_MASTER".
	 */
	K8S_API_CONFIG_MISSING("k8s-api-config-missing", "Reaching and authenticating to the Kubernetes API",
			"the runner has no usable Kubernetes config (no host, no in-cluster config, incomplete cert/key): \"no configuration has been provided, try setting KUBERNETES_MASTER\""),
	/**
	 * the runner does not trust the API server's certificate (x509 unknown authority, SAN
	 * mismatch).
	 */
	K8S_API_TLS_UNTRUSTED("k8s-api-tls-untrusted", "Reaching and authenticating to the Kubernetes API",
			"the runner does not trust the API server's certificate (x509 unknown authority, SAN mismatch)"),
	/** requests arrive as system:anonymous: no credentials were sent. */
	K8S_API_ANONYMOUS("k8s-api-anonymous", "Reaching and authenticating to the Kubernetes API",
			"requests arrive as system:anonymous: no credentials were sent"),
	/**
	 * credentials were sent and rejected (Unauthorized: expired or wrong bearer token).
	 */
	K8S_API_UNAUTHORIZED("k8s-api-unauthorized", "Reaching and authenticating to the Kubernetes API",
			"credentials were sent and rejected (Unauthorized: expired or wrong bearer token)"),
	/**
	 * the API server could not be reached or timed out (i/o timeout, connection refused,
	 * context deadline exceeded, error dialing backend).
	 */
	K8S_API_UNREACHABLE("k8s-api-unreachable", "Reaching and authenticating to the Kubernetes API",
			"the API server could not be reached or timed out (i/o timeout, connection refused, context deadline exceeded, error dialing backend)"),
	/** an admission webhook or Pod Security admission rejected the build pod. */
	K8S_ADMISSION_DENIED("k8s-admission-denied", "Reaching and authenticating to the Kubernetes API",
			"an admission webhook or Pod Security admission rejected the build pod"),
	/**
	 * the runner's identity lacks an RBAC permission it needs (secrets, pods, pods/exec,
	 * pods/attach, configmaps, ...), including a Role bound in another namespace.
	 */
	K8S_RBAC_FORBIDDEN("k8s-rbac-forbidden", "Permissions, namespaces, quotas",
			"the runner's identity lacks an RBAC permission it needs (secrets, pods, pods/exec, pods/attach, configmaps, ...), including a Role bound in another namespace"),
	/** the namespace the runner uses does not exist. */
	K8S_NAMESPACE_MISSING("k8s-namespace-missing", "Permissions, namespaces, quotas",
			"the namespace the runner uses does not exist"),
	/** the service account or image pull secret named in the config does not exist. */
	K8S_SERVICE_ACCOUNT_MISSING("k8s-service-account-missing", "Permissions, namespaces, quotas",
			"the service account or image pull secret named in the config does not exist"),
	/** a ResourceQuota or LimitRange refused the pod or one of its objects. */
	K8S_QUOTA_EXCEEDED("k8s-quota-exceeded", "Permissions, namespaces, quotas",
			"a ResourceQuota or LimitRange refused the pod or one of its objects"),
	/**
	 * the runner's settings produce a pod the API rejects (bad resource values,
	 * disallowed image, overwrite not allowed).
	 */
	K8S_INVALID_POD_SPEC("k8s-invalid-pod-spec", "Permissions, namespaces, quotas",
			"the runner's settings produce a pod the API rejects (bad resource values, disallowed image, overwrite not allowed)"),
	/**
	 * no node can take the pod (insufficient cpu/memory, taints, node selector,
	 * affinity).
	 */
	POD_SCHEDULING_FAILED("pod-scheduling-failed", "Getting the build pod running",
			"no node can take the pod (insufficient cpu/memory, taints, node selector, affinity)"),
	/**
	 * the pod stayed Pending / ContainersNotReady until the runner gave up, with no more
	 * specific cause in the log.
	 */
	POD_START_TIMEOUT("pod-start-timeout", "Getting the build pod running",
			"the pod stayed Pending / ContainersNotReady until the runner gave up, with no more specific cause in the log"),
	/**
	 * a volume could not be attached or mounted (PVC not bound, NFS/CSI errors, missing
	 * secret/configmap volume).
	 */
	VOLUME_MOUNT_FAILED("volume-mount-failed", "Getting the build pod running",
			"a volume could not be attached or mounted (PVC not bound, NFS/CSI errors, missing secret/configmap volume)"),
	/**
	 * the build or service image could not be pulled (not found, no credentials, rate
	 * limit, registry unreachable or untrusted, back-off).
	 */
	IMAGE_PULL_FAILED("image-pull-failed", "Getting the build pod running",
			"the build or service image could not be pulled (not found, no credentials, rate limit, registry unreachable or untrusted, back-off)"),
	/**
	 * the GitLab Runner helper image could not be pulled or does not fit the node
	 * (registry unreachable, wrong architecture, container "helper" not found).
	 */
	HELPER_IMAGE_PULL_FAILED("helper-image-pull-failed", "Getting the build pod running",
			"the GitLab Runner helper image could not be pulled or does not fit the node (registry unreachable, wrong architecture, container \"helper\" not found)"),
	/**
	 * the image was pulled but the container could not start (CreateContainerConfigError,
	 * runtime/driver errors, no shell in image).
	 */
	CONTAINER_START_FAILED("container-start-failed", "Getting the build pod running",
			"the image was pulled but the container could not start (CreateContainerConfigError, runtime/driver errors, no shell in image)"),
	/**
	 * a container hit its memory limit and was killed (OOMKilled, exit code 137 without
	 * another cause).
	 */
	OOM_KILLED("oom-killed", "While the job runs",
			"a container hit its memory limit and was killed (OOMKilled, exit code 137 without another cause)"),
	/**
	 * the pod was evicted, preempted, deleted or its node failed (ephemeral storage, node
	 * pressure, drain).
	 */
	POD_EVICTED("pod-evicted", "While the job runs",
			"the pod was evicted, preempted, deleted or its node failed (ephemeral storage, node pressure, drain)"),
	/** the job or one of its stages exceeded its time limit. */
	JOB_TIMEOUT("job-timeout", "While the job runs", "the job or one of its stages exceeded its time limit"),
	/** the job was canceled by a person or by the pipeline. */
	JOB_CANCELED("job-canceled", "While the job runs", "the job was canceled by a person or by the pipeline"),
	/** a services: container failed to start or its health check failed. */
	SERVICE_CONTAINER_FAILED("service-container-failed", "While the job runs",
			"a services: container failed to start or its health check failed"),
	/**
	 * the build pod could not resolve the GitLab (or LFS) host name: fix with
	 * host_aliases / dns_config or cluster DNS.
	 */
	GIT_DNS_FAILURE("git-dns-failure", "Fetching sources",
			"the build pod could not resolve the GitLab (or LFS) host name: fix with host_aliases / dns_config or cluster DNS"),
	/**
	 * the host name resolved but the connection failed: Host is unreachable, connection
	 * refused or timed out, SSL_ERROR_SYSCALL, a proxy or inspecting middlebox in the
	 * way.
	 */
	GIT_CONNECTION_FAILED("git-connection-failed", "Fetching sources",
			"the host name resolved but the connection failed: Host is unreachable, connection refused or timed out, SSL_ERROR_SYSCALL, a proxy or inspecting middlebox in the way"),
	/**
	 * git does not trust the GitLab server's certificate (self-signed, private CA,
	 * incomplete chain).
	 */
	GIT_TLS_UNTRUSTED("git-tls-untrusted", "Fetching sources",
			"git does not trust the GitLab server's certificate (self-signed, private CA, incomplete chain)"),
	/**
	 * git's credentials were refused (HTTP Basic: Access denied, job token scope, could
	 * not read Username).
	 */
	GIT_AUTH_FAILED("git-auth-failed", "Fetching sources",
			"git's credentials were refused (HTTP Basic: Access denied, job token scope, could not read Username)"),
	/**
	 * the repository was reached but fetch/checkout failed (shallow clone races, invalid
	 * ref names, lock files).
	 */
	GIT_CHECKOUT_FAILED("git-checkout-failed", "Fetching sources",
			"the repository was reached but fetch/checkout failed (shallow clone races, invalid ref names, lock files)"),
	/**
	 * the job's docker client cannot reach a daemon (dind not privileged, wrong
	 * DOCKER_HOST, TLS cert dir mismatch, no socket).
	 */
	DOCKER_DAEMON_UNREACHABLE("docker-daemon-unreachable", "Building images",
			"the job's docker client cannot reach a daemon (dind not privileged, wrong DOCKER_HOST, TLS cert dir mismatch, no socket)"),
	/**
	 * a container registry's certificate is not trusted by the client, dind or the node.
	 */
	REGISTRY_TLS_UNTRUSTED("registry-tls-untrusted", "Building images",
			"a container registry's certificate is not trusted by the client, dind or the node"),
	/**
	 * a push or login to a container registry was refused (unset or wrong credentials,
	 * deprecated tokens).
	 */
	REGISTRY_AUTH_FAILED("registry-auth-failed", "Building images",
			"a push or login to a container registry was refused (unset or wrong credentials, deprecated tokens)"),
	/**
	 * cache download, extraction or upload failed (no shared cache configured, object
	 * storage errors, permissions).
	 */
	CACHE_FAILED("cache-failed", "Cache and artifacts",
			"cache download, extraction or upload failed (no shared cache configured, object storage errors, permissions)"),
	/**
	 * artifact upload or download failed (too large, paths matched nothing, expired
	 * dependencies, forbidden).
	 */
	ARTIFACT_FAILED("artifact-failed", "Cache and artifacts",
			"artifact upload or download failed (too large, paths matched nothing, expired dependencies, forbidden)"),
	/**
	 * the user's script exited non-zero for a reason inside the job (test failure,
	 * command not found, permission denied): the diagnosis names the decisive line.
	 */
	SCRIPT_FAILURE("script-failure", "The job's own script",
			"the user's script exited non-zero for a reason inside the job (test failure, command not found, permission denied): the diagnosis names the decisive line"),
	/**
	 * the job log hit the runner's or GitLab's size limit, so the end of the log is
	 * missing.
	 */
	LOG_LIMIT_EXCEEDED("log-limit-exceeded", "The job's own script",
			"the job log hit the runner's or GitLab's size limit, so the end of the log is missing"),
	/**
	 * a runner setting outside the categories above is wrong (session server, feature
	 * flag, shell profile).
	 */
	RUNNER_MISCONFIGURATION("runner-misconfiguration", "The job's own script",
			"a runner setting outside the categories above is wrong (session server, feature flag, shell profile)"),
	/** the log ends in success: report no failure cause. */
	JOB_SUCCEEDED("job-succeeded", "Outcomes that are not a failure cause",
			"the log ends in success: report no failure cause"),
	/**
	 * the log fails but matches no pattern: report the most suspicious lines and similar
	 * past failures instead.
	 */
	UNKNOWN("unknown", "Outcomes that are not a failure cause",
			"the log fails but matches no pattern: report the most suspicious lines and similar past failures instead");

	private final String id;

	private final String group;

	private final String meaning;

	Category(String id, String group, String meaning) {
		this.id = id;
		this.group = group;
		this.meaning = meaning;
	}

	/**
	 * @return the kebab-case id used everywhere outside Java
	 */
	@JsonValue
	public String id() {
		return this.id;
	}

	/**
	 * @return the taxonomy's heading this category belongs to
	 */
	public String group() {
		return this.group;
	}

	/**
	 * @return what the category means, from the taxonomy
	 */
	public String meaning() {
		return this.meaning;
	}

	/**
	 * @return {@code false} for the two outcomes that are no failure cause
	 * ({@code job-succeeded}, {@code unknown})
	 */
	public boolean failureCause() {
		return this != JOB_SUCCEEDED && this != UNKNOWN;
	}

	/**
	 * @param id a kebab-case category id
	 * @return the category, or empty when the taxonomy has no such id
	 */
	public static Optional<Category> fromId(String id) {
		for (Category category : values()) {
			if (category.id.equals(id)) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}

}
