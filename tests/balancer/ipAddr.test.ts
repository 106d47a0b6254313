/** Address parsing for ip_hash (nginx) and balance source (HAProxy). */
import { describe, expect, it } from 'vitest';
import { addressBytes, ipHashKey, parseIPv4, parseIPv6, sourceHash } from '../../src/sim/balancer';

describe('client addresses', () => {
  it('parses dotted quads strictly', () => {
    expect(parseIPv4('10.1.2.3')).toEqual([10, 1, 2, 3]);
    for (const bad of ['10.1.2', '10.1.2.3.4', '10.1.2.256', '10..2.3', '10.1.2.3.', 'a.b.c.d', '1000.1.1.1', '']) {
      expect(parseIPv4(bad)).toBeNull();
    }
  });

  it('expands IPv6 with ::, an IPv4 tail and brackets', () => {
    expect(parseIPv6('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]);
    expect(parseIPv6('::ffff:10.1.2.3')).toEqual([...new Array(10).fill(0), 0xff, 0xff, 10, 1, 2, 3]);
    expect(parseIPv6('[::1]')).toEqual([...new Array(15).fill(0), 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(addressBytes('nonsense')).toBeNull();
  });

  it('ip_hash keys: three octets of IPv4, sixteen bytes of IPv6, three zeros otherwise', () => {
    expect(ipHashKey('10.1.2.3')).toEqual([10, 1, 2]);
    expect(ipHashKey('2001:db8::1')).toHaveLength(16);
    expect(ipHashKey('unix:')).toEqual([0, 0, 0]);
  });

  it('source hash: the IPv4 address as an integer, IPv6 words XORed', () => {
    expect(sourceHash('10.1.2.3')).toBe(0x0a010203);
    expect(sourceHash('255.255.255.255')).toBe(0xffffffff);
    expect(sourceHash('2001:db8::1')).toBe((0x20010db8 ^ 0 ^ 0 ^ 1) >>> 0);
  });
});
