// A forward proxy for the tests, on 127.0.0.1: it tunnels CONNECT requests
// (and forwards plain ones) to where they ask, and remembers each target,
// so a test can tell which requests went through it. Given `hosts`, it
// resolves those names itself, as a company proxy does for a network that
// resolves no outside names.
import http from 'node:http';
import net from 'node:net';

export type Proxy = {url: string; targets: string[]; close: () => Promise<void>};

export async function startProxy(hosts: Record<string, string> = {}): Promise<Proxy> {
	const targets: string[] = [];
	const addressOf = (hostname: string) => hosts[hostname] ?? hostname;
	const sockets = new Set<net.Socket>();
	const server = http.createServer((request, response) => {
		// A plain request names its absolute URL: forward it.
		const target = new URL(request.url ?? '');
		targets.push(target.host);
		const forwarded = http.request({host: addressOf(target.hostname), port: target.port, path: target.pathname + target.search, method: request.method, headers: request.headers}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		forwarded.on('error', () => response.writeHead(502).end());
		request.pipe(forwarded);
	});
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
		const target = request.url ?? '';
		targets.push(target);
		const [host, port] = target.split(':');
		const upstream = net.connect(Number(port), addressOf(host!), () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		targets,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => {
				server.close(resolve);
			});
		},
	};
}
