// A module run again on a worker thread of its own, as devnews's workers
// are (parsing feeds, copying the library's log): in the bundle the module
// is the chunk its code lands in, under tsx (the tests run the source) the
// source file, given tsx's loader, which a worker does not inherit. A chunk
// may hold more than one worker's code, so each is started with its role
// and runs only when it is the one asked for.
import {isMainThread, parentPort, Worker, workerData, type MessagePort, type ResourceLimits} from 'node:worker_threads';

/** The thread's port and start data, when this thread is a worker started for `role`. */
export function workerFor<Data>(role: string): {port: MessagePort; data: Data} | undefined {
	const start = workerData as {role?: string; data: Data} | undefined;
	return !isMainThread && parentPort && start?.role === role ? {port: parentPort, data: start.data} : undefined;
}

/** Starts the module at `moduleUrl` (its import.meta.url) on a worker thread, as `role`, with `data`, its heap within `resourceLimits`. */
export function startWorker(moduleUrl: string, role: string, data: unknown, resourceLimits?: ResourceLimits): Worker {
	const self = new URL(moduleUrl);
	const start = {role, data};
	if (!self.pathname.endsWith('.ts')) return new Worker(self, {workerData: start, resourceLimits});
	const tsx = import.meta.resolve('tsx/esm/api');
	return new Worker(`import(${JSON.stringify(tsx)}).then(({register}) => { register(); return import(${JSON.stringify(self.href)}); })`, {eval: true, workerData: start, resourceLimits});
}

/** How long a worker asked to end is given to finish what it does, before it is stopped. */
const END_WAIT_MS = 2000;

/** Asks a worker to end (its 'close' message), and stops it if it has not within END_WAIT_MS. */
export async function endWorker(worker: Worker): Promise<void> {
	const ended = new Promise(resolve => {
		worker.once('exit', resolve);
	});
	worker.postMessage('close');
	const timer = setTimeout(() => void worker.terminate(), END_WAIT_MS);
	await ended;
	clearTimeout(timer);
}
