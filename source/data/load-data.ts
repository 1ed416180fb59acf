// Reads a data folder: data/sectors.json, data/editions.json and every
// data/articles/*.json (one article, or an array of them, per file).
// Each file is validated on its own, so one bad file costs only itself.
import fs from 'node:fs';
import path from 'node:path';
import type {Article, Taxonomy, TaxonomyEntry} from '../core/article.js';
import {describeIssue} from '../validation.js';
import {articleSchema, taxonomySchema} from './article-schema.js';
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
	const {sectors, editions} = dataFolder(dir);
	return [sectors, editions, ...articleFiles(dir)];
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
		raw = fs.readFileSync(file, 'utf8');
	} catch (error) {
		return {ok: false, error: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`};
	}

	try {
		return {ok: true, value: JSON.parse(raw)};
	} catch (error) {
		return {ok: false, error: `${file}: not valid JSON (${(error as Error).message})`};
	}
}

function loadTaxonomy(file: string, errors: string[]): TaxonomyEntry[] {
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

function validateArticle(value: unknown, file: string, prefix: Array<string | number>): Article | string {
	const result = articleSchema.safeParse(value);
	if (result.success) return result.data as Article;
	return `${file}: ${describeIssue(result.error, prefix)}`;
}

export function loadDataDir(dir: string): DataLoad {
	const errors: string[] = [];
	const taxonomy: Taxonomy = {
		sectors: loadTaxonomy(dataFolder(dir).sectors, errors),
		editions: loadTaxonomy(dataFolder(dir).editions, errors),
	};
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
