package io.tracedoc.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What the fabric8 mock cannot do: refuse tracedoc. A view over the mock that answers a
 * request on a resource tracedoc is not granted as the API server would, 403 (or 401 for
 * a token it rejects), through {@link FabricClusterView}'s own translation, so the reason
 * reads as on a real cluster.
 */
final class PermissionsView implements ClusterView {

	private final ClusterView cluster;

	private final Set<String> forbidden;

	private final boolean unauthorized;

	private PermissionsView(ClusterView cluster, Set<String> forbidden, boolean unauthorized) {
		this.cluster = cluster;
		this.forbidden = Set.copyOf(forbidden);
		this.unauthorized = unauthorized;
	}

	/**
	 * @param cluster the view to guard
	 * @param forbidden the resources ({@code rolebindings}, {@code subjectaccessreviews})
	 * tracedoc may not use
	 * @return the guarded view
	 */
	static ClusterView without(ClusterView cluster, Set<String> forbidden) {
		return new PermissionsView(cluster, forbidden, false);
	}

	/**
	 * @param cluster the view to guard
	 * @return a view whose every request is rejected as unauthenticated
	 */
	static ClusterView unauthorized(ClusterView cluster) {
		return new PermissionsView(cluster, Set.of(), true);
	}

	@Override
	public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
		check("get", kind, namespace);
		return this.cluster.get(kind, namespace, name);
	}

	@Override
	public <T extends HasMetadata> List<T> list(Class<T> kind, String namespace, Map<String, String> labels,
			String fields) {
		check("list", kind, namespace);
		return this.cluster.list(kind, namespace, labels, fields);
	}

	@Override
	public SubjectAccessReviewStatus review(SubjectAccessReviewSpec question) {
		check("create", SubjectAccessReview.class, null);
		return this.cluster.review(question);
	}

	private void check(String verb, Class<? extends HasMetadata> kind, String namespace) {
		if (this.unauthorized) {
			throw FabricClusterView.translate(new KubernetesClientException("Unauthorized", 401, null), verb, kind,
					namespace);
		}
		if (this.forbidden.contains(HasMetadata.getPlural(kind))) {
			throw FabricClusterView.translate(new KubernetesClientException("Forbidden", 403, null), verb, kind,
					namespace);
		}
	}

}
