// Import-boundary check (house style 1, 8 and 16): fails when a file in src imports a layer it may not, printing
// file:line and the rule. Run by `npm run check`; `node scripts/check-imports.mjs [root]` checks another tree (tests).
//
// A file's layer is its first folder under src. Each layer may import itself and the layers listed for it:
//
//   core                          nothing else: pure TypeScript (tsconfig.core.json also keeps out DOM and Node)
//   engine, llm, storage, import  core only. Siblings do not import each other (none does today); what joins them
//                                 (a run that generates with llm, executes with engine and stores with storage)
//                                 belongs a layer up.
//   run, build                    engine, llm, storage, import, core. run and build are siblings: neither imports
//                                 the other.
//   analysis                      run, build and everything below (a worker's folder: src/analysis).
//   state                         everything but ui and cli: the rune classes are the app's only door to the layers
//                                 below.
//   ui                            state and core only. Pure core (types, formatting, time limits) is read directly;
//                                 anything that runs, stores, fetches or generates is reached through state.
//   cli                           everything but ui and state (a Node entry: no Svelte, no browser state).
//
// Entries: src/main.ts and src/sw.ts may import anything. A *.worker.ts file is an entry too, but it runs inside its
// own folder's layer, so it follows that layer's rule; it is started with `new Worker(new URL('./x.worker.ts',
// import.meta.url))`, which counts as an import of its layer, and is never imported statically. Nothing imports
// main.ts, sw.ts or cli.
//
// Packages: only storage imports idb (house style 8).
//
// Counted: import and export ... from (type-only ones too: a type names the module it depends on), import(),
// import('x').T in types, and new URL('relative', import.meta.url). Specifiers leaving src (package.json,
// static-datasets) are not layers and are not checked.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const BELOW_RUN = ['engine', 'llm', 'storage', 'import', 'core'];
/** Layer -> the other layers it may import. */
export const ALLOWED = {
  core: [],
  engine: ['core'],
  llm: ['core'],
  storage: ['core'],
  import: ['core'],
  run: BELOW_RUN,
  build: BELOW_RUN,
  analysis: ['run', 'build', ...BELOW_RUN],
  state: ['analysis', 'run', 'build', ...BELOW_RUN],
  ui: ['state', 'core'],
  cli: ['analysis', 'run', 'build', ...BELOW_RUN],
};
const ENTRY = '(entry)';
/** Bare package -> the only layers that may import it. */
const PACKAGE_OWNERS = { idb: ['storage'] };

/** The layer of a path relative to the src root (with / separators). */
function layerOf(rel) {
  const parts = rel.split('/');
  return parts.length === 1 ? ENTRY : parts[0];
}

function describeRule(layer) {
  if (layer === 'core') return 'core imports nothing else in src';
  return `${layer} may import ${ALLOWED[layer].join(', ')}`;
}

/** The script blocks of a .svelte file as [text, offset]; a .ts file is one block. */
function scriptBlocks(file, text) {
  if (!file.endsWith('.svelte')) return [[text, 0]];
  const blocks = [];
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    blocks.push([match[1], match.index + match[0].indexOf('>') + 1]);
  }
  return blocks;
}

/** Every module specifier in a source text, with its offset in the text. */
function specifiers(text) {
  const found = [];
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const add = (literal, viaUrl = false) => found.push({ spec: literal.text, pos: literal.getStart(source), viaUrl });
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length === 2) {
      const [first, second] = node.arguments;
      if (ts.isStringLiteralLike(first) && first.text.startsWith('.') && second.getText(source) === 'import.meta.url') add(first, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (/\.(ts|svelte)$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/** The boundary violations in a src tree, each as { file, line, message }. */
export function checkImports(root) {
  const violations = [];
  for (const file of listFiles(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const from = layerOf(rel);
    const isEntry = from === ENTRY;
    const text = fs.readFileSync(file, 'utf8');
    for (const [block, offset] of scriptBlocks(file, text)) {
      for (const { spec, pos, viaUrl } of specifiers(block)) {
        const line = text.slice(0, offset + pos).split('\n').length;
        const report = (message) => violations.push({ file: path.relative(process.cwd(), file), line, message });
        if (!spec.startsWith('.')) {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          const owners = PACKAGE_OWNERS[name];
          if (owners && !owners.includes(from)) report(`'${spec}': only ${owners.join(', ')} imports ${name}`);
          continue;
        }
        const target = path.relative(root, path.resolve(path.dirname(file), spec.replace(/\?.*$/, '')));
        if (target.startsWith('..') || path.isAbsolute(target)) continue;
        const targetRel = target.split(path.sep).join('/');
        const to = layerOf(targetRel);
        if (to === ENTRY || to === 'cli') {
          if (from !== to) report(`'${spec}': nothing imports ${to === ENTRY ? 'an entry (main.ts, sw.ts)' : 'cli (an entry layer)'}`);
          continue;
        }
        if (/\.worker(\.ts)?$/.test(targetRel) && !viaUrl) {
          report(`'${spec}': a *.worker.ts entry is started with new Worker(new URL(...)), never imported`);
          continue;
        }
        if (isEntry || from === to) continue;
        if (!ALLOWED[from]) {
          report(`'${spec}': ${from} is not a known layer (add it to scripts/check-imports.mjs)`);
          continue;
        }
        if (!ALLOWED[from].includes(to)) report(`'${spec}': ${from} may not import ${to} (${describeRule(from)})`);
      }
    }
  }
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(process.argv[2] ?? 'src');
  const violations = checkImports(root);
  for (const { file, line, message } of violations) console.error(`${file}:${line}: ${message}`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} import(s) cross a layer boundary; the rules are in scripts/check-imports.mjs.`);
    process.exit(1);
  }
  console.log(`check-imports: ${path.relative(process.cwd(), root) || '.'} keeps its layers.`);
}
