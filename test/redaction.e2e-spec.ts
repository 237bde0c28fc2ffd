import { type Server } from 'node:http';

import request from 'supertest';

import { backendsUnderTest, createTestApp, type TestApp } from './support/test-app';

const XDP_LINE =
  '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state';

/** Each secret a support paste tends to carry, as it appears in the paste. */
const SECRETS = {
  bearer: 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLXNpZw',
  opaqueBearer: 'kt9f2c7e1b4a6d8e0f3a5b7c9d1e3f5a7b',
  joinToken: 'abcdef.0123456789abcdef',
  certificateKey: 'f8902e114ef118304e561c3ecd4d0b543adc226b7a07f675f56564185ffe0c07',
  privateKeyLine: 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  certificateLine: 'MIIDBTCCAe2gAwIBAgIIW3l0ZmY2ZzAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  awsAccessKey: 'AKIAIOSFODNN7EXAMPLE',
  awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  urlPassword: 'Hunter2-Pa55w0rd',
  kubeconfigKey: 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=',
  apiKey: 'kt_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCde',
};

const PASTE = [
  `curl -k -H "Authorization: Bearer ${SECRETS.bearer}" https://10.0.0.10:6443/api/v1/nodes`,
  `kubectl --token ${SECRETS.opaqueBearer} get pods -n kube-system`,
  `kubeadm join 10.0.0.10:6443 --token ${SECRETS.joinToken} \\`,
  `  --control-plane --certificate-key ${SECRETS.certificateKey}`,
  '-----BEGIN RSA PRIVATE KEY-----',
  SECRETS.privateKeyLine,
  '-----END RSA PRIVATE KEY-----',
  '-----BEGIN CERTIFICATE-----',
  SECRETS.certificateLine,
  '-----END CERTIFICATE-----',
  `aws_access_key_id = ${SECRETS.awsAccessKey}`,
  `aws_secret_access_key = ${SECRETS.awsSecretKey}`,
  `E0530 registry error: Get "https://robot:${SECRETS.urlPassword}@harbor.example.com/v2/": 401`,
  `    client-key-data: ${SECRETS.kubeconfigKey}`,
  `curl -H "X-API-Key: ${SECRETS.apiKey}" http://kubetriage/api/v1/triage`,
  XDP_LINE,
].join('\n');

function expectNoSecret(where: string, text: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect({ where, name, leaked: text.includes(secret) }).toEqual({ where, name, leaked: false });
  }
}

describe.each(backendsUnderTest())('secrets in pastes on %s', (backend) => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ backend });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  /** Every column of every row that belongs to the analysis, as the database holds them. */
  async function storedRows(analysisId: string): Promise<string> {
    const rows = await Promise.all(
      [
        ['analysis', 'id'],
        ['analysis_cause', 'analysis_id'],
        ['feedback', 'analysis_id'],
      ].map(([table, column]) =>
        sut.dataSource
          .createQueryBuilder()
          .select('*')
          .from(table, table)
          .where(`${table}.${column} = :id`, { id: analysisId })
          .getRawMany(),
      ),
    );
    return JSON.stringify(rows);
  }

  it('never stores or returns a secret of the paste, the context, the source or a comment', async () => {
    const created = await request(http)
      .post('/api/v1/triage')
      .send({
        text: PASTE,
        source: `portal password=${SECRETS.urlPassword}`,
        context: { os: `Ubuntu token: ${SECRETS.opaqueBearer}`, components: { calico: '3.27.3' } },
      })
      .expect(201);
    const id = created.body.id as string;
    await request(http)
      .post(`/api/v1/analyses/${id}/feedback`)
      .send({
        issueId: 'calico-xdp-kernel-5.4',
        verdict: 'confirmed',
        // A bare 40-character AWS secret cannot be told from a hash: it is caught by its name.
        comment: `rotated AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecretKey}, token ${SECRETS.joinToken}`,
      })
      .expect(201);

    const fetched = await request(http).get(`/api/v1/analyses/${id}`).expect(200);
    const page = await request(http).get(`/analyses/${id}`).expect(200);
    const stored = await storedRows(id);

    expectNoSecret('POST /api/v1/triage', created.text);
    expectNoSecret('GET /api/v1/analyses/:id', fetched.text);
    expectNoSecret('GET /analyses/:id', page.text);
    expectNoSecret('database rows', stored);
    expect(created.body.redactions).toBeGreaterThanOrEqual(Object.keys(SECRETS).length);
    expect(stored).toContain('[REDACTED]');
    // Redaction keeps the lines: the evidence still points at the submitted line.
    expect(created.body.causes[0].evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: PASTE.split('\n').length, text: XDP_LINE }),
      ]),
    );
  });

  it('redacts a paste submitted through the web form the same way', async () => {
    const submitted = await request(http)
      .post('/analyses')
      .type('form')
      .send({ text: PASTE })
      .expect(303);
    const id = String(submitted.headers.location).split('/').pop() ?? '';

    expectNoSecret('database rows', await storedRows(id));
    expectNoSecret('GET /analyses/:id', (await request(http).get(`/analyses/${id}`)).text);
  });

  it('stores a web paste with NUL characters (as U+FFFD) rather than failing', async () => {
    const submitted = await request(http)
      .post('/analyses')
      .type('form')
      .send({ text: `${XDP_LINE}\u0000\u0000` })
      .expect(303);
    const id = String(submitted.headers.location).split('/').pop() ?? '';

    const row = (await sut.dataSource
      .createQueryBuilder()
      .select('analysis.redacted', 'redacted')
      .from('analysis', 'analysis')
      .where('analysis.id = :id', { id })
      .getRawOne()) as { redacted: string };
    expect(row.redacted).toBe(`${XDP_LINE}\uFFFD\uFFFD`);
  });
});
