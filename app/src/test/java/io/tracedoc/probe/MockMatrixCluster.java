package io.tracedoc.probe;

import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The matrix on the fabric8 mock, seeded with a real API server's bootstrap RBAC policy.
 * The mock authorizes nothing, so tracedoc may never ask it for an access review here (it
 * would echo the question without a decision): permission rows rest on the bindings read,
 * against the same kinds of objects a real cluster has.
 */
final class MockMatrixCluster implements ProbeMatrix.MatrixCluster {

	private final MockCluster cluster;

	private final KubernetesClient client;

	MockMatrixCluster(MockCluster cluster) {
		this.cluster = cluster;
		this.client = cluster.client();
	}

	@Override
	public void create(HasMetadata object) {
		this.cluster.create(object);
	}

	@Override
	public void update(HasMetadata object) {
		this.client.resource(current(object)).update();
	}

	@Override
	public void updateStatus(HasMetadata object) {
		this.client.resource(current(object)).updateStatus();
	}

	private HasMetadata current(HasMetadata object) {
		HasMetadata stored = this.client.resource(object).get();
		object.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
		return object;
	}

	@Override
	public void delete(HasMetadata object) {
		this.client.resource(object).delete();
	}

	@Override
	public void podEvent(String namespace, String pod, String type, String reason, String message) {
		this.cluster.podEvent(namespace, pod, type, reason, message);
	}

	@Override
	public void deletePodEvents(String namespace, String pod) {
		this.cluster.deletePodEvents(namespace, pod);
	}

	@Override
	public ClusterView tracedoc(Set<String> without) {
		Set<String> forbidden = new TreeSet<>(without);
		forbidden.add("subjectaccessreviews");
		return PermissionsView.without(new FabricClusterView(this.client), forbidden);
	}

	@Override
	public ClusterView badToken() {
		return PermissionsView.unauthorized(new FabricClusterView(this.client));
	}

}
