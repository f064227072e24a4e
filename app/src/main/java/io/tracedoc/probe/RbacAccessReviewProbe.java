package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.tracedoc.probe.ProbePrecedence.Basis;
import io.tracedoc.probe.Rbac.Grant;
import io.tracedoc.probe.Rbac.Identity;
import io.tracedoc.probe.Rbac.Request;
import io.tracedoc.probe.RunnerReleases.Release;

/**
 * May the identity do the verb on the resource in the namespace, now? Asks the API server
 * with a SubjectAccessReview (the answer rests on the API server's own decision); when
 * tracedoc may not create reviews, reads the RoleBindings of the namespace, every
 * ClusterRoleBinding and the roles of those that name the identity, and evaluates their
 * rules for exactly the refused verb, group, resource and subresource. That read says
 * "may not" only when it read everything that could grant the request; otherwise it says
 * it cannot tell. When the log does not name the identity (a runner that cannot attach or
 * watch says only what failed), it checks the runner manager's service account, read from
 * its Helm release.
 */
final class RbacAccessReviewProbe implements Probe {

	@Override
	public String id() {
		return "rbac-access-review";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String verb = arguments.required("verb", "the refused verb");
		String resource = arguments.required("resource", "the refused resource");
		Optional<String> namespace = arguments.optional("namespace");
		Request request = new Request(verb, arguments.optional("group").orElse(""), resource, namespace.orElse(null));
		Identity identity = arguments.optional("user")
			.map(Identity::of)
			.orElseGet(() -> runnerManager(cluster, namespace));
		Observation.Builder observation = new Observation.Builder().put("user", identity.user())
			.put("service-account", identity.serviceAccount())
			.put("service-account-namespace", identity.serviceAccountNamespace());
		String action = request.verb() + " " + resource
				+ (request.group().isEmpty() ? "" : " (" + request.group() + ")")
				+ namespace.map((ns) -> " in namespace " + ns).orElse(" cluster-wide");
		try {
			SubjectAccessReviewStatus answer = cluster.review(spec(identity, request));
			boolean allowed = Boolean.TRUE.equals(answer.getAllowed());
			String why = (answer.getReason() != null && !answer.getReason().isEmpty()) ? answer.getReason()
					: Optional.ofNullable(answer.getEvaluationError()).orElse("");
			observation.basis(Basis.ACCESS_REVIEW)
				.put("allowed", allowed)
				.put("reason", why)
				.evidence("SubjectAccessReview: may " + identity.user() + " " + action + "? "
						+ (allowed ? "allowed" : "denied") + (why.isEmpty() ? "" : " (" + why + ")"));
			return observation.summary("The API server says " + identity.user() + (allowed ? " may " : " may not ")
					+ action + (why.isEmpty() ? "" : " (" + why + ")"));
		}
		catch (NotCheckable ex) {
			if (!ex.forbidden()) {
				throw ex;
			}
			try {
				return fromBindings(cluster, identity, request, action, observation);
			}
			catch (NotCheckable unread) {
				throw new NotCheckable(
						"tracedoc may not create SubjectAccessReviews, and its bindings read cannot tell: "
								+ unread.getMessage());
			}
		}
	}

	/**
	 * Without review permission: the bindings that name the identity and what their roles
	 * grant. Aggregated ClusterRoles count by the rules the API server filled in, as the
	 * authorizer reads them. A role that cannot be read leaves the answer open unless
	 * another binding grants the request.
	 */
	private Observation fromBindings(ClusterView cluster, Identity identity, Request request, String action,
			Observation.Builder observation) {
		// RoleBindings grant nothing cluster-scoped
		List<Grant> grants = (request.namespace() != null) ? Rbac.grants(cluster, identity, request.namespace())
				: Rbac.clusterGrants(cluster, identity);
		Grant granting = null;
		List<String> unreadable = new ArrayList<>();
		for (Grant grant : grants) {
			observation.evidence(grant.describe());
			if (granting == null) {
				try {
					if (Rbac.allows(cluster, grant, request)) {
						granting = grant;
					}
				}
				catch (NotCheckable ex) {
					unreadable
						.add(grant.role().getKind() + " " + grant.role().getName() + " (" + ex.getMessage() + ")");
				}
			}
		}
		if (granting == null && !unreadable.isEmpty()) {
			throw new NotCheckable("no binding it could read grants " + identity.user() + " " + action
					+ ", but it could not read " + String.join(", ", unreadable));
		}
		if (granting == null && identity.serviceAccount() == null && !identity.user().equals("system:anonymous")) {
			// the authenticator may put a user in groups no API object shows
			throw new NotCheckable("no binding of " + identity.user() + " or of its known groups grants " + action
					+ ", but the user may be in groups tracedoc cannot see without a SubjectAccessReview");
		}
		String why = (granting != null) ? "allowed by " + granting.describe() : "no binding of " + identity.user()
				+ " or of its groups grants it (" + grants.size() + " binding(s) name it: "
				+ (grants.isEmpty() ? "none" : String.join("; ", grants.stream().map(Grant::describe).toList())) + ")";
		observation.basis(Basis.RBAC_RULES).put("allowed", granting != null).put("reason", why);
		return observation.summary("Read from RBAC objects (tracedoc may not create SubjectAccessReviews): "
				+ identity.user() + ((granting != null) ? " may " : " may not ") + action + "; " + why);
	}

	private static Identity runnerManager(ClusterView cluster, Optional<String> namespace) {
		List<Release> releases = RunnerReleases.find(cluster, namespace);
		Release release = releases.get(0);
		String account = RunnerReleases.managerServiceAccount(cluster, release)
			.orElseThrow(() -> new NotCheckable("the log does not name the runner's identity, and release "
					+ release.release() + " (" + release.describe() + ") has no runner Deployment to read it from"));
		return Identity.serviceAccount(release.namespace(), account);
	}

	private static io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec spec(Identity identity,
			Request request) {
		int slash = request.resource().indexOf('/');
		ResourceAttributesBuilder attributes = new ResourceAttributesBuilder().withVerb(request.verb())
			.withGroup(request.group())
			.withResource((slash < 0) ? request.resource() : request.resource().substring(0, slash))
			.withNamespace(request.namespace());
		if (slash >= 0) {
			attributes.withSubresource(request.resource().substring(slash + 1));
		}
		return new SubjectAccessReviewSpecBuilder().withUser(identity.user())
			.withGroups(identity.groups())
			.withResourceAttributes(attributes.build())
			.build();
	}

}
