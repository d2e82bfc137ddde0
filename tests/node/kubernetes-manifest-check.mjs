// Validates Kubernetes objects against the Kubernetes API schemas (the kubernetes-models package's validators,
// generated from the API's OpenAPI definitions), run by the C# deployment tests (tests/MediaHost.Tests/Deployment)
// on the objects kubectl parsed offline from deploy/aks/*.yaml. No cluster involved.
// Reads {"objects":[...]} on stdin and writes {"ok":true} or {"ok":false,"problems":["Kind/name: ...", ...]}.
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';

const models = { v1: core, 'apps/v1': apps, 'rbac.authorization.k8s.io/v1': rbac };

let input = '';
for await (const chunk of process.stdin) input += chunk;
const problems = [];
for (const object of JSON.parse(input).objects) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const Model = models[object.apiVersion]?.[object.kind];
  if (!Model) {
    problems.push(`${where}: no schema known here for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(problems.length ? { ok: false, problems } : { ok: true }));
