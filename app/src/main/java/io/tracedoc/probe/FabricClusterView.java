package io.tracedoc.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.tracedoc.diagnosis.Redactor;

/**
 * The read-only view over a fabric8 client. The client itself never leaves this class.
 */
final class FabricClusterView implements ClusterView {

	/** Where a user finds the permissions tracedoc needs. */
	static final String RBAC_HINT = "grant tracedoc the ClusterRole in docker/kubernetes/tracedoc-probes-rbac.yaml";

	private final KubernetesClient client;

	FabricClusterView(KubernetesClient client) {
		this.client = client;
	}

	@Override
	public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
		MixedOperation<T, KubernetesResourceList<T>, Resource<T>> resources = this.client.resources(kind);
		T object = call(() -> (namespace != null) ? resources.inNamespace(namespace).withName(name).get()
				: resources.withName(name).get(), "get", kind, namespace);
		return Optional.ofNullable(withoutSecretData(object));
	}

	@Override
	public <T extends HasMetadata> List<T> list(Class<T> kind, String namespace, Map<String, String> labels,
			String fields) {
		MixedOperation<T, KubernetesResourceList<T>, Resource<T>> resources = this.client.resources(kind);
		FilterWatchListDeletable<T, KubernetesResourceList<T>, Resource<T>> scope = (namespace != null)
				? resources.inNamespace(namespace)
				: Namespaced.class.isAssignableFrom(kind) ? resources.inAnyNamespace() : resources;
		if (!labels.isEmpty()) {
			scope = scope.withLabels(labels);
		}
		if (fields != null) {
			for (String requirement : fields.split(",")) {
				int not = requirement.indexOf("!=");
				int equals = requirement.indexOf('=');
				scope = (not >= 0) ? scope.withoutField(requirement.substring(0, not), requirement.substring(not + 2))
						: scope.withField(requirement.substring(0, equals), requirement.substring(equals + 1));
			}
		}
		FilterWatchListDeletable<T, KubernetesResourceList<T>, Resource<T>> query = scope;
		return call(() -> query.list().getItems(), "list", kind, namespace).stream()
			.map(FabricClusterView::withoutSecretData)
			.toList();
	}

	@Override
	public SubjectAccessReviewStatus review(SubjectAccessReviewSpec question) {
		// no metadata at all: the API server refuses a review with any (422, "metadata:
		// must
		// be empty"), which the mock server does not check
		SubjectAccessReview review = new SubjectAccessReviewBuilder().withSpec(question).build();
		SubjectAccessReview answer = call(() -> this.client.authorization().v1().subjectAccessReview().create(review),
				"create", SubjectAccessReview.class, null);
		if (answer == null || answer.getStatus() == null) {
			throw new NotCheckable("the API server gave no decision for the SubjectAccessReview");
		}
		return answer.getStatus();
	}

	private static <T> T withoutSecretData(T object) {
		// probes ask whether a secret exists and of which type; its data never leaves the
		// API client
		if (object instanceof Secret secret) {
			secret.setData(null);
			secret.setStringData(null);
		}
		return object;
	}

	private static <T> T call(Supplier<T> request, String verb, Class<?> kind, String namespace) {
		try {
			return request.get();
		}
		catch (KubernetesClientException ex) {
			throw translate(ex, verb, kind, namespace);
		}
	}

	static NotCheckable translate(KubernetesClientException ex, String verb, Class<?> kind, String namespace) {
		String what = verb + " " + HasMetadata.getPlural(kind) + ((namespace != null) ? " in namespace " + namespace
				: Namespaced.class.isAssignableFrom(kind) ? " in all namespaces" : "");
		if (ex.getCode() <= 0) {
			// no HTTP answer: refused, reset, timed out
			return new NotCheckable("the API server did not answer when tracedoc tried to " + what + ": "
					+ Redactor.redactValue(rootMessage(ex)));
		}
		String status = (ex.getStatus() != null) ? ex.getStatus().getMessage() : null;
		return switch (ex.getCode()) {
			case 403 -> NotCheckable.forbidden("tracedoc may not " + what + " (403 Forbidden): " + RBAC_HINT);
			case 401 -> new NotCheckable("the API server rejected tracedoc's credentials (401) when it tried to " + what
					+ "; renew the token of its kubeconfig or service account");
			default -> new NotCheckable("the API server answered " + ex.getCode() + " when tracedoc tried to " + what
					+ ((status != null) ? ": " + Redactor.redactValue(status) : ""));
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		String name = root.getClass().getSimpleName();
		return (message == null || message.isBlank()) ? name
				: name.toLowerCase(Locale.ROOT).contains("timeout") ? "timed out (" + message + ")" : message;
	}

}
