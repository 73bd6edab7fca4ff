// Preload (node --import) for child processes in tests: every host name lookup other than
// localhost fails with ENOTFOUND, before any packet leaves the machine. A client that should
// reach a stand-in through HTTP_PROXY (test/support/actions-cache-server.ts, `azure-host` mode)
// but bypasses it then fails loudly instead of resolving a real host. Refused names are printed
// to stderr as `loopback-only: refused lookup of <host>`. Loopback addresses (127.x.x.x, ::1)
// pass: a server of the tests listens there. A test may import it in process too.
import dns from 'node:dns';

const loopback = (host) =>
  host === 'localhost' ||
  host.endsWith('.localhost') ||
  /^127\.\d+\.\d+\.\d+$/.test(host) ||
  host === '::1';

const lookup = dns.lookup;
dns.lookup = function loopbackOnlyLookup(host, ...rest) {
  if (typeof host === 'string' && !loopback(host)) {
    const callback = rest.at(-1);
    process.stderr.write(`loopback-only: refused lookup of ${host}\n`);
    const error = Object.assign(new Error(`loopback-only: lookup of ${host} refused`), {
      code: 'ENOTFOUND',
      hostname: host,
    });
    process.nextTick(callback, error);
    return {};
  }
  return lookup.call(this, host, ...rest);
};
