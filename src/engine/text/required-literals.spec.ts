import { requiredLiterals } from './required-literals';

describe('requiredLiterals', () => {
  it.each([
    ['failed to wipe the XDP state', ['failed to wipe the xdp state']],
    [
      String.raw`ip6tables-restore\S* v?[\d.]+ \(legacy\): unknown option \\?"--set-mark`,
      [' (legacy): unknown option '],
    ],
    [
      String.raw`BIRD is not ready: BGP not established with \d+`,
      ['bird is not ready: bgp not established with '],
    ],
    [
      String.raw`table full, dropping packet|连接跟踪表已满`,
      ['table full, dropping packet', '连接跟踪表已满'],
    ],
    [
      String.raw`Failed to execute ip\(6\)tables-restore`,
      ['failed to execute ip(6)tables-restore'],
    ],
    [
      String.raw`calico_tmp_[AB]: (?:Could not generate persistent MAC|Failed to get link config)`,
      ['could not generate persistent mac', 'failed to get link config'],
    ],
    [
      String.raw`\b(?:calico(?:/node)?|tigera-operator|canal)([^\n\d]{0,40}?)v?(\d+)`,
      ['calico', 'tigera-operator', 'canal'],
    ],
    [String.raw`(?:\bkernel|内核)(?:[ -]?version)?[\s:]{0,4}(\d)`, ['kernel', '内核']],
    [String.raw`(?:abc|de)fghij`, ['fghij']],
    [String.raw`(?i:ab)cd`, undefined],
    [String.raw`nodes?s are (?:unreachable)`, ['unreachable']],
    [String.raw`colou?r lines+ here`, ['r lines']],
    [String.raw`^\s*mtu\s*=\s*(\d+)$`, undefined],
    [String.raw`(?i)foo|b`, undefined],
    [String.raw`x{0,3}abcd`, ['abcd']],
  ])('reads %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it('gives up on alternatives it cannot read rather than guess', () => {
    expect(requiredLiterals('(unbalanced')).toBeUndefined();
    expect(requiredLiterals('*oops')).toBeUndefined();
  });
});
