// Reading a file that a person named or left in a folder, which may not be
// a file at all: a plain read of a named pipe (FIFO) or a device waits
// until something writes to it, which may be never, so devnews would not
// start. Opened without waiting, it is read only when it is a regular file.
import fs from 'node:fs';

/** Thrown for a path that is there but is not a regular file; the message says what it is. */
export class NotAFile extends Error {}

function kindOf(stat: fs.Stats): string {
	if (stat.isDirectory()) return 'a folder';
	if (stat.isFIFO()) return 'a named pipe';
	if (stat.isSocket()) return 'a socket';
	if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
	return 'not a regular file';
}

/** The text of `file`; throws NotAFile for a pipe, device, socket or folder, and fs's errors (ENOENT, EACCES, ELOOP) as they come. */
export function readRegularFile(file: string): string {
	// O_NONBLOCK: opening a pipe no one writes to returns at once instead of waiting.
	const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
	try {
		const stat = fs.fstatSync(fd);
		if (!stat.isFile()) throw new NotAFile(`${kindOf(stat)}, not a file`);
		return fs.readFileSync(fd, 'utf8');
	} finally {
		fs.closeSync(fd);
	}
}

/** What went wrong reading a file, in a few words: its code (ENOENT, EACCES) or what it is instead of a file. */
export function readFailure(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
