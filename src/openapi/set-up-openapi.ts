import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The paste shown as the example request: a real calico-node log on an Ubuntu 20.04 kernel. */
export const EXAMPLE_PASTE = [
  'Linux worker-3 5.4.0-182-generic #202-Ubuntu SMP Fri Apr 26 12:29:36 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux',
  '$ kubectl -n calico-system logs calico-node-7xk2p | tail -3',
  '2024-05-30 08:11:02.114 [INFO][65] felix/int_dataplane.go 1289: Linux interface state changed. ifIndex=31 ifaceName="calico_tmp_A" state="down"',
  '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state error=failed to load BPF program (/usr/lib/calico/bpf/filter.o): stat /sys/fs/bpf/calico/xdp/prefilter_v1_calico_tmp_A: no such file or directory try=3',
].join('\n');

function buildDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('kubetriage')
    .setDescription(
      'Triage of Kubernetes networking failures: POST a pasted log or a symptom description and get ' +
        'the known root causes, ranked, with the evidence lines, why they fit the environment, the ' +
        'remediation and references. Every error is application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API key (when API_AUTH=required)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The example answer is computed by the running engine from the example paste, so the
  // document shows what the service really says, not a hand-written sample that could drift.
  const engine = app.get(KnowledgeBaseService).getEngine();
  const { facts, causes, timings, input } = engine.triage(EXAMPLE_PASTE);
  const example = {
    id: '6f1c2a9e-0b7d-4c55-9a31-2e8f4d7b1c03',
    createdAt: '2026-11-22T08:00:00.000Z',
    source: 'support-portal',
    input,
    redactions: 0,
    context: null,
    facts,
    causes,
    timings,
  };
  const triage = document.paths['/api/v1/triage']?.post;
  const created = triage?.responses['201'];
  if (created && 'content' in created && created.content?.['application/json']) {
    created.content['application/json'].example = example;
  }
  return document;
}

/** Swagger UI at /api/docs and the JSON document at /api/docs-json, served by the service itself. */
export function setUpOpenApi(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => (document ??= buildDocument(app)), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'kubetriage API',
  });
}
