import { presentedCredential } from './api-key-credential';

const KEY = `kt_${'a'.repeat(43)}`;
const basic = (text: string): string => `Basic ${Buffer.from(text).toString('base64')}`;

describe(presentedCredential.name, () => {
  it('finds no credential in a request without one', () => {
    expect(presentedCredential({})).toEqual({ kind: 'none' });
    expect(presentedCredential({ authorization: '  ' })).toEqual({ kind: 'none' });
  });

  it.each([
    ['a bearer token', { authorization: `Bearer ${KEY}` }],
    ['a bearer token in any case', { authorization: `bearer ${KEY}` }],
    ['X-API-Key', { 'x-api-key': ` ${KEY} ` }],
    ['the Basic password', { authorization: basic(`alice:${KEY}`) }],
    ['the Basic user name (curl -u KEY:)', { authorization: basic(`${KEY}:`) }],
    ['the same key twice', { authorization: `Bearer ${KEY}`, 'x-api-key': KEY }],
  ])('reads %s', (_name, headers) => {
    expect(presentedCredential(headers)).toEqual({ kind: 'key', key: KEY });
  });

  it.each([
    ['another scheme', { authorization: 'Negotiate YII=' }],
    ['a scheme without a value', { authorization: 'Bearer' }],
    ['an empty X-API-Key', { 'x-api-key': '' }],
    ['an empty Basic credential', { authorization: basic(':') }],
    ['a key too long to be ours', { authorization: `Bearer ${'k'.repeat(257)}` }],
    ['two different keys', { authorization: `Bearer ${KEY}`, 'x-api-key': `${KEY}b` }],
  ])('refuses %s as malformed', (_name, headers) => {
    expect(presentedCredential(headers)).toMatchObject({ kind: 'malformed' });
  });
});
