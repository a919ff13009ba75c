package dev.lambdabridge.samples.ops.emulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * WireMock answers for EC2 and CloudTrail, which have no emulator: a sample VPC ({@value #VPC_ID}) with an
 * instance that has no tags ({@value #UNTAGGED}), one with only a Name tag ({@value #PARTIAL}, launched by
 * {@code alice} according to CloudTrail) and one with every policy tag ({@value #COMPLIANT}). The bodies are in the
 * services' response formats (EC2's query-protocol XML, CloudTrail's JSON) under {@code aws-responses/}.
 */
public final class SampleVpcStubs {
    public static final String VPC_ID = "vpc-0a1b2c3d";
    public static final String UNTAGGED = "i-0untagged000000001";
    public static final String PARTIAL = "i-0partial0000000002";
    public static final String COMPLIANT = "i-0compliant00000003";
    /** The {@code X-Amz-Target} of CloudTrail's {@code LookupEvents} (JSON protocol). */
    public static final String LOOKUP_EVENTS = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    private SampleVpcStubs() {
    }

    /** Stubs DescribeInstances, CreateTags, TerminateInstances, StopInstances and LookupEvents for the sample VPC. */
    public static void stubSampleVpc(WireMockServer aws) {
        stubEc2(aws, "DescribeInstances", ok("ec2/describe-instances.xml"));
        stubEc2(aws, "CreateTags", ok("ec2/create-tags.xml"));
        stubEc2(aws, "TerminateInstances", ok("ec2/terminate-instances.xml"));
        stubEc2(aws, "StopInstances", ok("ec2/stop-instances.xml"));
        stubLookupEvents(aws, json(resource("cloudtrail/lookup-events-run-instances.json")));
    }

    /** Answers an EC2 query-protocol action ({@code Action=NAME} in the form body). */
    public static void stubEc2(WireMockServer aws, String action, ResponseDefinitionBuilder response) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")).willReturn(response));
    }

    public static void stubLookupEvents(WireMockServer aws, ResponseDefinitionBuilder response) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(LOOKUP_EVENTS)).willReturn(response));
    }

    /** EC2's throttling answer: 400 {@code RequestLimitExceeded}. */
    public static ResponseDefinitionBuilder requestLimitExceeded() {
        return aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(resource("ec2/request-limit-exceeded.xml"));
    }

    /** A CloudTrail (JSON 1.1 protocol) answer. */
    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static ResponseDefinitionBuilder ok(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(resource(resource));
    }

    private static String resource(String name) {
        try (InputStream in = SampleVpcStubs.class.getResourceAsStream("aws-responses/" + name)) {
            if (in == null) {
                throw new IllegalStateException("aws-responses/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aws-responses/" + name, e);
        }
    }
}
