// A terminal for the frame writer to draw on in tests: xterm.js without a
// screen (@xterm/headless), on its alternate screen as devnews draws, with
// Unicode 11 widths (every code point its own width: emoji 2, joiners and
// marks 0, as tmux and most terminals measure). A test reads back what a
// person would see: each cell's text, width and style.
import {EventEmitter} from 'node:events';
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import type {Terminal} from '../source/render/frame-writer.js';

export type ScreenCell = {
	text: string;
	width: number;
	bold: boolean;
	dim: boolean;
	underline: boolean;
	inverse: boolean;
	/** Colour mode and number, as xterm.js gives them: 0 is the default. */
	foreground: string;
	background: string;
	link: string | undefined;
};

type XtermCell = xterm.IBufferCell & {extended?: {urlId: number}};
type XtermInternals = {_core: {_oscLinkService: {getLinkData(id: number): {uri: string} | undefined}}};

export class EmulatedTerminal extends EventEmitter implements Terminal {
	/** Everything written, one entry per write. */
	readonly writes: string[] = [];
	private readonly xterm: xterm.Terminal;
	private parsed: Promise<void> = Promise.resolve();

	constructor(
		public columns: number,
		public rows: number,
		readonly isTTY = false,
	) {
		super();
		this.xterm = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
		this.xterm.loadAddon(new unicode11.Unicode11Addon());
		this.xterm.unicode.activeVersion = '11';
		this.xterm.write('\u001B[?1049h');
	}

	write(data: string): boolean {
		this.writes.push(data);
		this.parsed = this.parsed.then(async () => new Promise(resolve => {
			this.xterm.write(data, resolve);
		}));
		return true;
	}

	/** The terminal takes a new size (as a window does), then says so. */
	async resize(columns: number, rows: number): Promise<void> {
		await this.parsed;
		this.columns = columns;
		this.rows = rows;
		this.xterm.resize(columns, rows);
		this.emit('resize');
	}

	/** The screen once everything written so far is drawn: rows of cells. */
	async screen(): Promise<ScreenCell[][]> {
		await this.parsed;
		const buffer = this.xterm.buffer.active;
		// xterm.js keeps each cell's OSC 8 link, but reads it back only through these internals.
		const links = (this.xterm as unknown as XtermInternals)._core._oscLinkService;
		const screen: ScreenCell[][] = [];
		for (let row = 0; row < this.rows; row++) {
			const line = buffer.getLine(buffer.baseY + row)!;
			const cells: ScreenCell[] = [];
			for (let column = 0; column < this.columns; column++) {
				const cell = line.getCell(column) as XtermCell;
				const urlId = cell.extended?.urlId ?? 0;
				cells.push({
					text: cell.getChars(),
					width: cell.getWidth(),
					bold: cell.isBold() !== 0,
					dim: cell.isDim() !== 0,
					underline: cell.isUnderline() !== 0,
					inverse: cell.isInverse() !== 0,
					foreground: `${cell.getFgColorMode()}:${cell.getFgColor()}`,
					background: `${cell.getBgColorMode()}:${cell.getBgColor()}`,
					link: urlId === 0 ? undefined : links.getLinkData(urlId)?.uri,
				});
			}

			screen.push(cells);
		}

		return screen;
	}

	/** The screen's text, a line per row, trailing blanks cut. */
	async text(): Promise<string> {
		return (await this.screen()).map(cells => cells.map(cell => cell.text || ' ').join('').trimEnd()).join('\n');
	}
}
