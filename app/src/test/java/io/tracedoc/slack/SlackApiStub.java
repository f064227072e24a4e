package io.tracedoc.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/**
 * WireMock as Slack: the Web API ({@code auth.test}, which the SDK calls first,
 * {@code chat.postMessage}, {@code chat.update}) and {@code response_url}s.
 */
final class SlackApiStub {

	static final String TS = "1700000000.000100";

	private SlackApiStub() {
	}

	static void stubWebApi(WireMockExtension slack) {
		slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
				"{\"ok\":true,\"url\":\"https://team.slack.com/\",\"team\":\"Team\",\"user\":\"tracedoc\",\"team_id\":\"T1\",\"user_id\":\"U1\",\"bot_id\":\"B1\"}")));
		slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
			.willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + TS + "\"}")));
		slack.stubFor(post(urlEqualTo("/api/chat.update"))
			.willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + TS + "\"}")));
		slack.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	static SlackClient client(WireMockExtension slack) {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
		return new SlackClient(Slack.getInstance(config), "xoxb-test");
	}

	/**
	 * @param slack the stub
	 * @param method a Web API method ({@code chat.postMessage})
	 * @return the bodies of the calls, form-decoded, in the order they came
	 */
	static List<String> calls(WireMockExtension slack, String method) {
		return slack.findAll(postRequestedFor(urlEqualTo("/api/" + method)))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.toList();
	}

	/**
	 * @param slack the stub
	 * @param name the response URL's name
	 * @return the JSON bodies posted to {@code /respond/{name}}, in the order they came
	 */
	static List<String> responses(WireMockExtension slack, String name) {
		return slack.findAll(postRequestedFor(urlPathEqualTo("/respond/" + name)))
			.stream()
			.map((request) -> request.getBodyAsString())
			.toList();
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String json) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
	}

}
