import request from 'supertest';

import { createTestApp, type TestApp } from './support/test-app';

describe('OpenAPI document', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('describes every API route, generated from the DTOs', async () => {
    const response = await request(app.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/triage',
        '/api/v1/analyses/{id}',
        '/api/v1/analyses/{id}/feedback',
        '/api/v1/known-issues',
        '/api/v1/known-issues/{issueId}',
      ]),
    );
    const triage = response.body.paths['/api/v1/triage'].post;
    expect(Object.keys(triage.requestBody.content)).toEqual(['application/json', 'text/plain']);
    expect(response.body.components.schemas.TriageRequestDto.required).toEqual(['text']);
  });

  it('shows a real paste and the answer the engine gives for it', async () => {
    const response = await request(app.app.getHttpServer()).get('/api/docs-json').expect(200);
    const example =
      response.body.paths['/api/v1/triage'].post.responses['201'].content['application/json']
        .example;
    expect(example.causes[0].issueId).toBe('calico-xdp-kernel-5.4');
    expect(example.causes[0].evidence[0].line).toBe(4);
  });

  it('documents every field a real answer has', async () => {
    const document = (await request(app.app.getHttpServer()).get('/api/docs-json')).body;
    const answer = (
      await request(app.app.getHttpServer())
        .post('/api/v1/triage')
        .set('content-type', 'text/plain')
        .send(
          'Linux n 5.4.0-189-generic #209-Ubuntu SMP\nfailed to wipe the XDP state error=failed to load BPF program',
        )
    ).body;
    const documented = (name: string): string[] =>
      Object.keys(document.components.schemas[name].properties);
    const answerKeys = Object.keys(answer).filter((key) => key !== 'context' && key !== 'stored');
    expect(documented('AnalysisSchema')).toEqual(expect.arrayContaining(answerKeys));
    expect(documented('CauseSchema')).toEqual(
      expect.arrayContaining(Object.keys(answer.causes[0])),
    );
    expect(documented('FactSchema')).toEqual(expect.arrayContaining(Object.keys(answer.facts[0])));
  });

  it('serves Swagger UI from the service itself, with no CDN', async () => {
    const response = await request(app.app.getHttpServer())
      .get('/api/docs')
      .redirects(1)
      .expect(200);
    expect(response.text).toContain('swagger-ui');
    expect(response.text).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
  });
});
