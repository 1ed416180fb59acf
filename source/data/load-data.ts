// Reads a data folder: data/sectors.json, editions.json, labels.json and
// every data/articles/*.json (one article, or an array of them, per file).
// Each file is validated on its own, so one bad file costs only itself.
import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../core/article.js';
import {articleLink} from '../core/devdiscourse.js';
import type {Taxonomy, TaxonomyEntry} from '../core/taxonomy.js';
import {readFailure, readRegularFile} from '../regular-file.js';
import {describeIssue} from '../validation.js';
import {articleSchema, labelsSchema, taxonomySchema, toArticle} from './article-schema.js';
import {dataFolder} from './data-folder.js';

export type DataLoad = {
	articles: Article[];
	taxonomy: Taxonomy;
	/** One line per problem, naming the file and the field. */
	errors: string[];
};

function articleFiles(dir: string): string[] {
	const folder = dataFolder(dir).articles;
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder)
		.filter(name => name.endsWith('.json'))
		.sort()
		.map(name => path.join(folder, name));
}

/** The files whose change means the library must import the folder again. */
export function dataFiles(dir: string): string[] {
	const {sectors, editions, labels} = dataFolder(dir);
	return [sectors, editions, labels, ...articleFiles(dir)];
}

/** Cheap change detection: names, sizes and modification times, no reading. */
export function dataFingerprint(dir: string): string {
	const parts = [path.resolve(dir)];
	for (const file of dataFiles(dir)) {
		try {
			const stat = fs.statSync(file);
			parts.push(`${path.basename(file)}:${stat.size}:${stat.mtimeMs}`);
		} catch {
			parts.push(`${path.basename(file)}:missing`);
		}
	}

	return parts.join('|');
}

type Parsed = {ok: true; value: unknown} | {ok: false; error: string};

function readJson(file: string): Parsed {
	let raw: string;
	try {
		// A pipe or device in the folder would wait for a writer, and devnews would never start: such a file is skipped.
		raw = readRegularFile(file);
	} catch (error) {
		return {ok: false, error: `${file}: cannot read (${readFailure(error)})`};
	}

	try {
		return {ok: true, value: JSON.parse(raw)};
	} catch (error) {
		return {ok: false, error: `${file}: not valid JSON (${(error as Error).message})`};
	}
}

function loadEntries(file: string, errors: string[]): TaxonomyEntry[] {
	const parsed = readJson(file);
	if (!parsed.ok) {
		errors.push(parsed.error);
		return [];
	}

	const result = taxonomySchema.safeParse(parsed.value);
	if (!result.success) {
		errors.push(`${file}: ${describeIssue(result.error)}`);
		return [];
	}

	return [...result.data].sort((a, b) => a.order - b.order);
}

/** labels.json; a folder without one has no labels that name a sector. */
function loadLabels(file: string, errors: string[]): Taxonomy['labels'] {
	if (!fs.existsSync(file)) return {};
	const parsed = readJson(file);
	if (!parsed.ok) {
		errors.push(parsed.error);
		return {};
	}

	const result = labelsSchema.safeParse(parsed.value);
	if (!result.success) {
		errors.push(`${file}: ${describeIssue(result.error)}`);
		return {};
	}

	return result.data;
}

function validateArticle(value: unknown, file: string, prefix: Array<string | number>): Article | string {
	const result = articleSchema.safeParse(value);
	if (result.success) {
		const article = toArticle(result.data);
		// The label a Devdiscourse link carries, when the file does not give it.
		return article.label || !article.url ? article : {...article, label: articleLink(article.url)?.label};
	}

	return `${file}: ${describeIssue(result.error, prefix)}`;
}

/** The folder's sectors, editions and labels, without its articles. */
export function loadTaxonomy(dir: string): {taxonomy: Taxonomy; errors: string[]} {
	const errors: string[] = [];
	const files = dataFolder(dir);
	const taxonomy = {sectors: loadEntries(files.sectors, errors), editions: loadEntries(files.editions, errors), labels: loadLabels(files.labels, errors)};
	return {taxonomy, errors};
}

export function loadDataDir(dir: string): DataLoad {
	const {taxonomy, errors} = loadTaxonomy(dir);
	const articles: Article[] = [];
	const seen = new Map<string, string>();

	for (const file of articleFiles(dir)) {
		const parsed = readJson(file);
		if (!parsed.ok) {
			errors.push(parsed.error);
			continue;
		}

		const entries = Array.isArray(parsed.value)
			? parsed.value.map((value, index) => ({value, prefix: [index]}))
			: [{value: parsed.value, prefix: []}];
		for (const {value, prefix} of entries) {
			const article = validateArticle(value, file, prefix);
			if (typeof article === 'string') {
				errors.push(article);
				continue;
			}

			const first = seen.get(article.id);
			if (first) {
				errors.push(`${file}: id: "${article.id}" is already used by ${first}`);
				continue;
			}

			seen.set(article.id, file);
			articles.push(article);
		}
	}

	return {articles, taxonomy, errors};
}
