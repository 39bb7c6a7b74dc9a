import { BlockList, isIP } from 'node:net';

/**
 * Which addresses an outbound fetch may reach. Loopback is its own answer so that a test setting can allow it;
 * every other non-public range (private, link-local, carrier-grade NAT, multicast, reserved, unspecified) is
 * refused always.
 */
export type AddressProblem = 'LOOPBACK' | 'PRIVATE' | 'NOT_AN_ADDRESS';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) nonPublic.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:10.0.0.1), else the address itself. */
function unmapped(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1] : ip;
}

export function addressProblem(ip: string): AddressProblem | null {
  const a = unmapped(ip.replace(/^\[|\]$/g, ''));
  const family = isIP(a);
  if (!family) return 'NOT_AN_ADDRESS';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(a, type)) return 'LOOPBACK';
  if (nonPublic.check(a, type)) return 'PRIVATE';
  return null;
}

/** null when the address may be reached with these settings. */
export function refusedAddress(ip: string, o: { allowLoopback: boolean }): AddressProblem | null {
  const p = addressProblem(ip);
  return p === 'LOOPBACK' && o.allowLoopback ? null : p;
}
