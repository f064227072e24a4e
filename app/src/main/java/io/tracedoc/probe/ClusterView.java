package io.tracedoc.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;

/**
 * What a probe may do with a cluster: read objects and ask an access review. There is no
 * way to create, change or delete anything through it, so probes are read-only by
 * construction. Secrets come back without their data.
 *
 * <p>
 * Every method answers within the configured request timeout or throws
 * {@link NotCheckable} with a reason that says what tracedoc tried (and, for a 403, which
 * permission it lacks).
 */
interface ClusterView {

	/**
	 * @param <T> the kind
	 * @param kind the model class ({@code Pod.class})
	 * @param namespace the namespace, {@code null} for a cluster-scoped kind
	 * @param name the object's name
	 * @return the object, empty when it does not exist
	 */
	<T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name);

	/**
	 * @param <T> the kind
	 * @param kind the model class
	 * @param namespace the namespace, {@code null} for every namespace (or a
	 * cluster-scoped kind)
	 * @param labels labels the objects must carry (equality), empty for all
	 * @param fields a field selector ({@code status.phase!=Succeeded}), or {@code null}
	 * @return the objects
	 */
	<T extends HasMetadata> List<T> list(Class<T> kind, String namespace, Map<String, String> labels, String fields);

	/**
	 * @param <T> the kind
	 * @param kind the model class
	 * @param namespace the namespace, {@code null} for every namespace (or a
	 * cluster-scoped kind)
	 * @return every object of the kind there
	 */
	default <T extends HasMetadata> List<T> list(Class<T> kind, String namespace) {
		return list(kind, namespace, Map.of(), null);
	}

	/**
	 * Asks the API server whether someone may do something (a SubjectAccessReview: the
	 * one object a probe may create; it changes nothing).
	 * @param question who, which verb, on what
	 * @return the API server's answer
	 */
	SubjectAccessReviewStatus review(SubjectAccessReviewSpec question);

}
