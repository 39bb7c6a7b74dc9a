import { addressProblem, refusedAddress } from './address';

describe('outbound address check', () => {
  it.each([
    ['127.0.0.1', 'LOOPBACK'],
    ['127.8.9.1', 'LOOPBACK'],
    ['::1', 'LOOPBACK'],
    ['::ffff:127.0.0.1', 'LOOPBACK'],
    ['10.1.2.3', 'PRIVATE'],
    ['172.16.0.1', 'PRIVATE'],
    ['172.31.255.255', 'PRIVATE'],
    ['192.168.1.1', 'PRIVATE'],
    ['169.254.169.254', 'PRIVATE'],
    ['100.64.0.1', 'PRIVATE'],
    ['0.0.0.0', 'PRIVATE'],
    ['::', 'PRIVATE'],
    ['fd00::1', 'PRIVATE'],
    ['fe80::1', 'PRIVATE'],
    ['::ffff:10.0.0.1', 'PRIVATE'],
    ['224.0.0.1', 'PRIVATE'],
    ['not-an-ip', 'NOT_AN_ADDRESS'],
  ])('%s is %s', (ip, problem) => {
    expect(addressProblem(ip)).toBe(problem);
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2a00:1450:4001:80b::200e', '[2606:4700::1111]'])('%s is public', (ip) => {
    expect(addressProblem(ip)).toBeNull();
  });

  it('the loopback setting opens loopback only, never a private range', () => {
    expect(refusedAddress('127.0.0.1', { allowLoopback: true })).toBeNull();
    expect(refusedAddress('127.0.0.1', { allowLoopback: false })).toBe('LOOPBACK');
    expect(refusedAddress('10.0.0.1', { allowLoopback: true })).toBe('PRIVATE');
    expect(refusedAddress('192.168.0.10', { allowLoopback: true })).toBe('PRIVATE');
  });
});
