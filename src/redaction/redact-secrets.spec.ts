import { REDACTED, redactSecrets, redactSecretsInBuffer } from './redact-secrets';

const lineCount = (text: string): number => text.split('\n').length;
const PEM_LINE = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

/**
 * Runs `work` counting the characters String.prototype.indexOf reads: from its start position
 * to the end of the match, or to the end of the string when there is none.
 */
function countingIndexOfScans<T>(work: () => T): { result: T; scanned: number } {
  const original = String.prototype.indexOf;
  let scanned = 0;
  const spy = jest.spyOn(String.prototype, 'indexOf').mockImplementation(function (
    this: string,
    search: string,
    position?: number,
  ): number {
    const from = Math.max(0, position ?? 0);
    const found = original.call(this, search, from);
    scanned += (found === -1 ? this.length : found + search.length) - from;
    return found;
  });
  try {
    return { result: work(), scanned };
  } finally {
    spy.mockRestore();
  }
}

describe(redactSecrets.name, () => {
  it('leaves a paste without secrets unchanged', () => {
    const text = [
      'Linux worker-3 5.4.0-182-generic #202-Ubuntu SMP x86_64 GNU/Linux',
      '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state',
      'kubeadm join 10.0.0.10:6443 --discovery-token-ca-cert-hash sha256:' + 'ab'.repeat(32),
      'Failed to get token: timeout',
      'server: https://10.0.0.10:6443',
    ].join('\n');

    expect(redactSecrets(text)).toEqual({ text, count: 0 });
  });

  it('redacts bearer tokens in headers and curl commands', () => {
    const sut = redactSecrets(
      'curl -H "Authorization: Bearer abc123def456ghi789" https://10.0.0.10:6443/api\n' +
        'Authorization: Basic dXNlcjpzZWNyZXQ=\n' +
        'sent header bearer s3cr3t-t0k3n-value',
    );

    expect(sut.text).toBe(
      `curl -H "Authorization: Bearer ${REDACTED}" https://10.0.0.10:6443/api\n` +
        `Authorization: Basic ${REDACTED}\n` +
        `sent header bearer ${REDACTED}`,
    );
    expect(sut.count).toBe(3);
  });

  it('redacts --token flags and JWTs but keeps the public CA cert hash', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl';
    const hash = 'sha256:' + '0f'.repeat(32);
    const sut = redactSecrets(
      `kubectl --token=${jwt} get pods\n` +
        `    token: ${jwt}\n` +
        `kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash ${hash}`,
    );

    expect(sut.text).not.toContain('eyJ');
    expect(sut.text).not.toContain('abcdef.0123456789abcdef');
    expect(sut.text).toContain(`--discovery-token-ca-cert-hash ${hash}`);
    expect(sut.text).toContain(`kubectl --token=${REDACTED} get pods`);
    expect(sut.count).toBe(3);
  });

  it('redacts a bare kubeadm join token and the certificate key of a control-plane join', () => {
    const sut = redactSecrets(
      'token abcdef.0123456789abcdef expires in 23h\n' +
        'kubeadm join 10.0.0.10:6443 --control-plane --certificate-key ' +
        'f8902e114ef118304e561c3ecd4d0b543adc226b7a07f675f56564185ffe0c07',
    );

    expect(sut.text).toBe(
      `token ${REDACTED} expires in 23h\n` +
        `kubeadm join 10.0.0.10:6443 --control-plane --certificate-key ${REDACTED}`,
    );
  });

  it('replaces the body of PEM blocks line by line, keeping the line count', () => {
    const text = [
      'before',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAx4Zx1i3nq7ZyH3Vj0q8Kx7Q2Y5m9w1Z8n3b6c0d2e4f6g8h0',
      'j2k4l6m8n0p2q4r6s8t0u2v4w6x8y0z2A4B6C8D0E2F4G6H8I0J2K4L6M8N0P2Q4',
      '-----END RSA PRIVATE KEY-----',
      '-----BEGIN CERTIFICATE-----',
      'MIIDBTCCAe2gAwIBAgIIW3l0ZmY2ZzAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
      '-----END CERTIFICATE-----',
      'after',
    ].join('\n');

    const sut = redactSecrets(text);

    expect(sut.text.split('\n')).toEqual([
      'before',
      '-----BEGIN RSA PRIVATE KEY-----',
      REDACTED,
      REDACTED,
      '-----END RSA PRIVATE KEY-----',
      '-----BEGIN CERTIFICATE-----',
      REDACTED,
      '-----END CERTIFICATE-----',
      'after',
    ]);
    expect(sut.count).toBe(2);
  });

  it('redacts a PEM block escaped on one line and one cut off before its END line', () => {
    const sut = redactSecrets(
      '{"key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----"}\n' +
        '-----BEGIN EC PRIVATE KEY-----\n' +
        'MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n' +
        'AwEHoUQDQgAEPR3tU2Fta9ktY+6P9G0cWO+0kETA6SOs\n',
    );

    expect(sut.text).not.toContain('MIIEvQIBADAN');
    expect(sut.text).not.toContain('MHcCAQEE');
    expect(sut.text).not.toContain('AwEHoUQD');
    expect(lineCount(sut.text)).toBe(5);
  });

  it('redacts a private key pasted with log prefixes on each line', () => {
    const sut = redactSecrets(
      'Jun 12 10:02:11 node1 app[12]: -----BEGIN PRIVATE KEY-----\n' +
        'Jun 12 10:02:11 node1 app[12]: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n' +
        'Jun 12 10:02:11 node1 app[12]: -----END PRIVATE KEY-----\n' +
        'Jun 12 10:02:12 node1 app[12]: started',
    );

    expect(sut.text.split('\n')).toEqual([
      'Jun 12 10:02:11 node1 app[12]: -----BEGIN PRIVATE KEY-----',
      REDACTED,
      `${REDACTED}-----END PRIVATE KEY-----`,
      'Jun 12 10:02:12 node1 app[12]: started',
    ]);
  });

  // Speed is measured by the benchmark; here the work is counted, which no machine load changes.
  it('reads each character of a paste made of BEGIN lines a bounded number of times', () => {
    const begins = '-----BEGIN A-----!\n'.repeat(50_000);
    const hostile = begins + `-----BEGIN PRIVATE KEY-----\n${PEM_LINE}\n-----END PRIVATE KEY-----`;

    const { result: sut, scanned } = countingIndexOfScans(() => redactSecrets(hostile));

    // A quadratic scan (each BEGIN looking for its END from scratch) reads ~10^11 characters.
    expect(scanned).toBeLessThan(4 * hostile.length);
    expect(lineCount(sut.text)).toBe(lineCount(hostile));
    expect(sut.text).not.toContain(PEM_LINE);
    expect(sut.text.startsWith(begins.slice(0, 1000))).toBe(true);
  });

  it('redacts kubeconfig certificate and key data', () => {
    const sut = redactSecrets(
      '    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=\n' +
        '    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n' +
        '    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==\n' +
        '{"client-key-data":"LS0tLS1CRUdJTiBSU0Eg"}',
    );

    expect(sut.text).toBe(
      `    certificate-authority-data: ${REDACTED}\n` +
        `    client-certificate-data: ${REDACTED}\n` +
        `    client-key-data: ${REDACTED}\n` +
        `{"client-key-data":"${REDACTED}"}`,
    );
    expect(sut.count).toBe(4);
  });

  it('redacts passwords in URLs, assignments and JSON', () => {
    const sut = redactSecrets(
      'connecting to postgres://kube:hunter2@10.0.0.5:5432/db\n' +
        'harbor password=Sup3r$ecret user=admin\n' +
        '{"username": "admin", "password": "p\\"ss word"}\n' +
        'registry password: letmein',
    );

    expect(sut.text).toBe(
      `connecting to postgres://kube:${REDACTED}@10.0.0.5:5432/db\n` +
        `harbor password=${REDACTED} user=admin\n` +
        `{"username": "admin", "password": "${REDACTED}"}\n` +
        `registry password: ${REDACTED}`,
    );
    expect(sut.count).toBe(4);
  });

  it('redacts AWS access key ids and secret access keys', () => {
    const sut = redactSecrets(
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' +
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'export AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
    );

    expect(sut.text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(sut.text).not.toContain('wJalrXUtnFEMI');
    expect(sut.count).toBe(3);
  });

  it('is idempotent: redacting twice finds nothing new', () => {
    const once = redactSecrets('Authorization: Bearer abc123def456ghi789\npassword=hunter22');

    expect(redactSecrets(once.text)).toEqual({ text: once.text, count: 0 });
  });

  it('never changes the number of lines, CRLF included', () => {
    const text =
      'a\r\n-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\n-----END PRIVATE KEY-----\r\n' +
      'token:\r\n  eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcd\r\nb';

    const sut = redactSecrets(text);

    expect(lineCount(sut.text)).toBe(lineCount(text));
    expect(sut.text).not.toContain('MIIEvQ');
    expect(sut.text).not.toContain('eyJzdWIi');
  });

  it('redacts every secret of a large hostile paste and keeps its lines', () => {
    const hostile =
      '-----BEGIN PRIVATE KEY-----\n' +
      `${'password=' + 'a'.repeat(50)} Bearer ${'x'.repeat(200)} `.repeat(2000) +
      'a:'.repeat(200_000) +
      '\n'.repeat(1000);

    const sut = redactSecrets(hostile);

    expect(lineCount(sut.text)).toBe(lineCount(hostile));
    expect(sut.text).not.toContain('a'.repeat(50));
    expect(sut.text).not.toContain('x'.repeat(200));
    expect(sut.text.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
  });

  it('redacts kubetriage API keys', () => {
    const key = `kt_${'Ab3_-'.repeat(8)}xyz`;

    const sut = redactSecrets(`curl -H "X-API-Key: ${key}" http://triage/api/v1/triage`);

    expect(sut).toEqual({
      text: `curl -H "X-API-Key: ${REDACTED}" http://triage/api/v1/triage`,
      count: 1,
    });
  });

  it.each([
    [
      'a kubeadm join command',
      'kubeadm join 10.0.0.10:6443 --token 9a08jv.c0izixklcxtmnze7 --discovery-token-ca-cert-hash sha256:' +
        'ab'.repeat(32),
      ['9a08jv.c0izixklcxtmnze7'],
    ],
    [
      'a control-plane join with --certificate-key=',
      `kubeadm join 10.0.0.10:6443 --control-plane --certificate-key=${'e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204'}`,
      ['e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204'],
    ],
    [
      'kubeadm token create output',
      '[bootstrap-token] Using token: abcdef.0123456789abcdef',
      ['abcdef.0123456789abcdef'],
    ],
    [
      'an AWS session token',
      'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ',
      ['IQoJb3JpZ2luX2VjEJr'],
    ],
    [
      'an AWS secret in a credentials file',
      '[default]\naws_access_key_id=ASIAQWERTYUIOPASDFGH\naws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
      ['ASIAQWERTYUIOPASDFGH', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
    ],
    [
      'an AWS secret in JSON',
      '{"AccessKeyId": "AKIAI44QH8DHBEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
      ['AKIAI44QH8DHBEXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ],
    [
      'a password in a registry URL',
      'Failed to pull image "https://robot$ci:Zm9vYmFy1234@harbor.example.com/v2/"',
      ['Zm9vYmFy1234'],
    ],
    [
      'a password in a Redis URL',
      'dial redis://:s3cr3tP4ss@10.0.0.7:6379/0 failed',
      ['s3cr3tP4ss'],
    ],
    [
      'an etcd client key in a kubeconfig',
      'client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t',
      ['LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t'],
    ],
  ])('redacts %s', (_name, text, secrets) => {
    const sut = redactSecrets(text);

    for (const secret of secrets) expect(sut.text).not.toContain(secret);
    expect(sut.count).toBeGreaterThanOrEqual(secrets.length);
    expect(lineCount(sut.text)).toBe(lineCount(text));
  });
});

describe('redactSecretsInBuffer', () => {
  it('returns the very same buffer when there is nothing to redact', () => {
    const input = Buffer.from('I1122 proxier.go:798] "Syncing iptables rules"\n'.repeat(1000));
    const result = redactSecretsInBuffer(input);
    expect(result.buffer).toBe(input);
    expect(result.count).toBe(0);
  });

  it('redacts as the string path does when a secret is there', () => {
    const text =
      'ok\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789\nkubeadm join --token abcdef.0123456789abcdef\n';
    const result = redactSecretsInBuffer(Buffer.from(text));
    expect(result.buffer.toString()).toBe(redactSecrets(text).text);
    expect(result.count).toBe(redactSecrets(text).count);
    expect(result.buffer.toString()).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });
});
