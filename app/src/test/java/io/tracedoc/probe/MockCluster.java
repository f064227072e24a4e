package io.tracedoc.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;

/**
 * A cluster in the fabric8 mock API server (CRUD mode) for probe tests: objects are
 * created through the API, and what the mock cannot do itself is stubbed like a real API
 * server answers it: events selected by {@code involvedObject.name} (the mock only
 * selects fields of metadata) and access review decisions (the mock echoes reviews
 * without one).
 *
 * <p>
 * It starts from what every real cluster has: the bootstrap RBAC policy of a fresh
 * kube-apiserver ({@code probe/bootstrap-rbac.yaml}: the discovery and basic-user roles
 * bound to {@code system:authenticated}, the controllers' roles ...), so a probe that
 * mistakes those for a grant fails here too, not only on a real cluster.
 */
public final class MockCluster {

	static final String RELEASE_NAMESPACE = "gitlab-runner";

	static final String BOOTSTRAP_POLICY = "/probe/bootstrap-rbac.yaml";

	private static volatile List<HasMetadata> bootstrap;

	private final KubernetesMockServer server;

	private final KubernetesClient client;

	private final Map<String, List<Event>> podEvents = new LinkedHashMap<>();

	public MockCluster(KubernetesMockServer server, KubernetesClient client) {
		this.server = server;
		this.client = client;
		server.reset();
		bootstrapPolicy(client).forEach(this::create);
	}

	/**
	 * @param client a client, to read the manifest with
	 * @return the bootstrap RBAC objects of a fresh kube-apiserver v1.20
	 */
	static List<HasMetadata> bootstrapPolicy(KubernetesClient client) {
		List<HasMetadata> policy = bootstrap;
		if (policy == null) {
			try (InputStream manifest = MockCluster.class.getResourceAsStream(BOOTSTRAP_POLICY)) {
				policy = List.copyOf(client.load(manifest).items());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			bootstrap = policy;
		}
		// copies: creating an object through the client sets fields on it
		return policy.stream().map((object) -> client.getKubernetesSerialization().clone(object)).toList();
	}

	KubernetesClient client() {
		return this.client;
	}

	KubernetesMockServer server() {
		return this.server;
	}

	/**
	 * @param object an object to create through the API
	 * @return this cluster
	 */
	public MockCluster create(HasMetadata object) {
		this.client.resource(object).create();
		return this;
	}

	MockCluster namespace(String name, Map<String, String> labels) {
		return create(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build());
	}

	/**
	 * An event of a pod, created and served to a field selector on the pod's name.
	 */
	MockCluster podEvent(String namespace, String pod, String type, String reason, String message) {
		Event event = new EventBuilder().withNewMetadata()
			.withName(pod + "." + this.podEvents.values().stream().mapToInt(List::size).sum())
			.withNamespace(namespace)
			.endMetadata()
			.withNewInvolvedObject()
			.withKind("Pod")
			.withName(pod)
			.withNamespace(namespace)
			.endInvolvedObject()
			.withType(type)
			.withReason(reason)
			.withMessage(message)
			.withCount(1)
			.withLastTimestamp("2024-10-15T13:46:40Z")
			.build();
		create(event);
		List<Event> events = this.podEvents.computeIfAbsent(namespace + "/" + pod, (key) -> new ArrayList<>());
		events.add(event);
		if (events.size() == 1) {
			// answers with the pod's events as they are when asked
			this.server.expect()
				.get()
				.withPath("/api/v1/namespaces/" + namespace + "/events?fieldSelector="
						+ URLEncoder.encode("involvedObject.name=" + pod, StandardCharsets.UTF_8))
				.andReply(200, (request) -> new EventListBuilder().withItems(List.copyOf(events)).build())
				.always();
		}
		return this;
	}

	/**
	 * Deletes every event of a pod, as when they expire.
	 */
	MockCluster deletePodEvents(String namespace, String pod) {
		List<Event> events = this.podEvents.getOrDefault(namespace + "/" + pod, new ArrayList<>());
		events.forEach((event) -> this.client.resource(event).delete());
		events.clear();
		return this;
	}

	/**
	 * Answers every SubjectAccessReview with this decision, and one that carries metadata
	 * with 422, as the API server validates reviews.
	 */
	public MockCluster accessReviews(boolean allowed, String reason) {
		this.server.expect()
			.post()
			.withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
			.andReply(new ResponseProvider<Object>() {

				private Headers headers = new Headers.Builder().build();

				// the body can be read once, and the mock asks for the code and the body
				// apart
				private final Map<RecordedRequest, SubjectAccessReview> reviews = java.util.Collections
					.synchronizedMap(new java.util.WeakHashMap<>());

				private SubjectAccessReview review(RecordedRequest request) {
					return this.reviews.computeIfAbsent(request, MockCluster.this::review);
				}

				@Override
				public Object getBody(RecordedRequest request) {
					SubjectAccessReview review = review(request);
					if (!valid(review)) {
						return new StatusBuilder().withCode(422)
							.withReason("Invalid")
							.withMessage(
									"SubjectAccessReview.authorization.k8s.io \"\" is invalid: metadata: must be empty")
							.build();
					}
					review.setStatus(
							new SubjectAccessReviewStatusBuilder().withAllowed(allowed).withReason(reason).build());
					return review;
				}

				@Override
				public int getStatusCode(RecordedRequest request) {
					return valid(review(request)) ? 201 : 422;
				}

				@Override
				public Headers getHeaders() {
					return this.headers;
				}

				@Override
				public void setHeaders(Headers headers) {
					this.headers = headers;
				}

			})
			.always();
		return this;
	}

	private SubjectAccessReview review(RecordedRequest request) {
		return this.client.getKubernetesSerialization().unmarshal(request.getUtf8Body(), SubjectAccessReview.class);
	}

	/** As the API server validates a review: no metadata at all. */
	private static boolean valid(SubjectAccessReview review) {
		return review.getMetadata() == null || new ObjectMeta().equals(review.getMetadata());
	}

	/**
	 * A gitlab-runner Helm release as the chart renders it: its ConfigMap and the
	 * Deployment of the runner manager.
	 */
	MockCluster runnerRelease(String namespace, String release, String configToml, String configTemplateToml,
			String serviceAccount) {
		Map<String, String> labels = Map.of("app", release + "-gitlab-runner", "chart", "gitlab-runner-0.71.0",
				"release", release, "heritage", "Helm");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("config.toml", configToml);
		if (configTemplateToml != null) {
			data.put("config.template.toml", configTemplateToml);
		}
		create(new ConfigMapBuilder().withNewMetadata()
			.withName(release + "-gitlab-runner")
			.withNamespace(namespace)
			.withLabels(labels)
			.endMetadata()
			.withData(data)
			.build());
		return create(new DeploymentBuilder().withNewMetadata()
			.withName(release + "-gitlab-runner")
			.withNamespace(namespace)
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withNewSelector()
			.addToMatchLabels("app", release + "-gitlab-runner")
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.withServiceAccountName(serviceAccount)
			.addNewContainer()
			.withName("gitlab-runner")
			.withImage("gitlab/gitlab-runner:v17.5.0")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build());
	}

	/**
	 * Forgets the requests made so far, so {@link #requests()} holds only what follows.
	 */
	MockCluster forgetRequests() throws InterruptedException {
		while (this.server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
			// drained
		}
		return this;
	}

	/**
	 * @return every request sent since {@link #forgetRequests()}, as "METHOD path"
	 */
	List<String> requests() throws InterruptedException {
		List<String> requests = new ArrayList<>();
		RecordedRequest request;
		while ((request = this.server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
			requests.add(request.getMethod() + " " + request.getPath());
		}
		return requests;
	}

}
