// Preloaded into the language server by test/lsp/session.test.ts (node --require). Records,
// and refuses, any attempt to open a network connection, listen on a port or resolve a name:
// Corpus Lens must work without a network.
const fs = require('node:fs');
const net = require('node:net');
const dgram = require('node:dgram');
const dns = require('node:dns');
const log = process.env.CORPUS_LENS_NET_LOG;

function refuse(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network use refused in tests: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  // A pipe path (the IPC transport) is not the network; a port or host is.
  if (typeof target === 'string' || (target && typeof target === 'object' && 'path' in target && !('port' in target))) return connect.apply(this, args);
  refuse(`connect ${JSON.stringify(target)}`);
};
net.Server.prototype.listen = function (...args) {
  refuse(`listen ${JSON.stringify(args[0])}`);
};
dgram.createSocket = () => refuse('udp socket');
dns.lookup = (host) => refuse(`dns lookup ${host}`);
dns.resolve = (host) => refuse(`dns resolve ${host}`);
