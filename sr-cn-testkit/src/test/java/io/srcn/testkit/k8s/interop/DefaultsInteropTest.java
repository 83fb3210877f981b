package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.MockKubernetes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 4: the defaults a v1.32 server fills (kubernetes pkg/apis/core/v1/defaults.go), as
 * the Python client reads them back.
 */
class DefaultsInteropTest {
  @TempDir Path dir;

  @Test
  void pythonSeesServiceSecretAndPodTemplateDefaults() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      Path kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      String script =
          String.join(
              "\n",
              "apps = client.AppsV1Api(api)",
              "s = v1.create_namespaced_service('default', {'metadata': {'name': 'web'},"
                  + " 'spec': {'selector': {'app': 'web'}, 'ports': [{'port': 9050}]}})",
              "out('SVC', s.spec.type, s.spec.session_affinity, s.spec.ports[0].protocol,"
                  + " s.spec.ports[0].target_port)",
              "sec = v1.create_namespaced_secret('default', {'metadata': {'name': 'pw'},"
                  + " 'stringData': {'p': 'pw'}})",
              "raw = api.call_api('/api/v1/namespaces/default/secrets/pw', 'GET',"
                  + " response_type='object', _return_http_data_only=True)",
              "out('SECRET', sec.type, sec.data, 'stringData' in raw)",
              "sts = apps.create_namespaced_stateful_set('default', {'metadata': {'name': 'web'},"
                  + " 'spec': {'serviceName': 'web', 'selector': {'matchLabels': {'app': 'web'}},"
                  + " 'template': {'metadata': {'labels': {'app': 'web'}}, 'spec': {'containers':"
                  + " [{'name': 'cn', 'image': 'starrocks/cn-ubuntu:3.3.5', 'ports':"
                  + " [{'containerPort': 9050}]}, {'name': 'side', 'image': 'busybox'}]}}}})",
              "t = sts.spec.template.spec",
              "out('POD', t.dns_policy, t.restart_policy, t.scheduler_name,"
                  + " t.termination_grace_period_seconds)",
              "out('C0', t.containers[0].image_pull_policy,"
                  + " t.containers[0].termination_message_path,"
                  + " t.containers[0].termination_message_policy, t.containers[0].ports[0].protocol)",
              "out('C1', t.containers[1].image_pull_policy)");
      Clients.Result r = Clients.run(Clients.python(kubeconfig, script));
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output())
          .contains("SVC ClusterIP None TCP 9050")
          .contains("SECRET Opaque {'p': 'cHc='} False")
          .contains("POD ClusterFirst Always default-scheduler 30")
          .contains("C0 IfNotPresent /dev/termination-log File TCP")
          .contains("C1 Always");
    }
  }
}
