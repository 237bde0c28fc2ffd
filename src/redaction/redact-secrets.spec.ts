import { REDACTED, redactSecrets, redactSecretsInBuffer } from './redact-secrets';

const lineCount = (text: string): number => text.split('\n').length;

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

  it('stays linear on a paste made of BEGIN lines', () => {
    const hostile = '-----BEGIN A-----!\n'.repeat(300_000) + '-----END A-----';

    const started = Date.now();
    const sut = redactSecrets(hostile);

    expect(Date.now() - started).toBeLessThan(2000);
    expect(lineCount(sut.text)).toBe(lineCount(hostile));
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

  it('stays fast on a large hostile paste', () => {
    const hostile =
      '-----BEGIN PRIVATE KEY-----\n' +
      `${'password=' + 'a'.repeat(50)} Bearer ${'x'.repeat(200)} `.repeat(2000) +
      'a:'.repeat(200_000) +
      '\n'.repeat(1000);

    const started = Date.now();
    const sut = redactSecrets(hostile);

    expect(Date.now() - started).toBeLessThan(2000);
    expect(lineCount(sut.text)).toBe(lineCount(hostile));
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
