"""Fix, in place, what hacking's H306 and H403 report in the given files.

    python tools/lint_fix.py $(git ls-files '*.py')

H306 (imports not in alphabetical order): each run of import statements on
consecutive lines, at one indentation, is sorted by the key hacking compares
("from a import b" counts as "import a.b", case ignored). Comments and blank
lines end a run, so groups and the comments above them stay where they are.

H403 (multi-line docstring should end on a new line): the closing quotes of
multi-line function and class docstrings move to a line of their own.

What else `make lint` reports (long lines, blank lines) is fixed by hand or
with autopep8.
"""

import ast
import sys


def import_key(node):
    """Hacking's comparison key of an import statement (None: not compared)."""
    if isinstance(node, ast.Import) and len(node.names) == 1:
        return node.names[0].name.lower()
    if (isinstance(node, ast.ImportFrom) and len(node.names) == 1
            and node.level == 0 and node.module != '__future__'
            and node.names[0].name != '*'):
        return ('%s.%s' % (node.module, node.names[0].name)).lower()
    return None


def follows(run, node):
    """Whether node continues the run: the next line, the same indent."""
    return (node.lineno == run[-1].end_lineno + 1
            and node.col_offset == run[-1].col_offset)


def import_runs(tree):
    """Runs of compared imports on consecutive lines, in any block."""
    for parent in ast.walk(tree):
        for field in ('body', 'orelse', 'finalbody'):
            block = getattr(parent, field, None)
            run = []
            for node in block if isinstance(block, list) else []:
                if not isinstance(node, ast.stmt) or not import_key(node):
                    node = None
                if node is not None and run and follows(run, node):
                    run.append(node)
                    continue
                if len(run) > 1:
                    yield run
                run = [node] if node is not None else []
            if len(run) > 1:
                yield run


def sort_imports(lines, tree):
    """Sort each run of imports (bottom up, so line numbers hold)."""
    runs = sorted(import_runs(tree), key=lambda run: -run[0].lineno)
    for run in runs:
        first, last = run[0].lineno - 1, run[-1].end_lineno
        chunks = {id(node): lines[node.lineno - 1:node.end_lineno]
                  for node in run}
        ordered = sorted(run, key=import_key)
        lines[first:last] = [line for node in ordered
                             for line in chunks[id(node)]]


def docstring_ends(tree):
    """Docstrings of functions and classes, as (Expr node) in the tree."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                             ast.ClassDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr)
                    and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)
                    and first.lineno != first.end_lineno):
                yield first


def end_docstrings(lines, tree):
    """Put the closing quotes of multi-line docstrings on a line of their
    own, indented like the opening ones.
    """
    nodes = sorted(docstring_ends(tree), key=lambda node: -node.end_lineno)
    for node in nodes:
        line = lines[node.end_lineno - 1].encode('utf-8')
        end = node.end_col_offset
        body = line[:end - 3].decode('utf-8')
        if not body.strip():
            continue
        closing = line[end - 3:].decode('utf-8')
        lines[node.end_lineno - 1:node.end_lineno] = [
            body.rstrip() + '\n', ' ' * node.col_offset + closing]


def fix(path):
    with open(path, encoding='utf-8') as source:
        lines = source.read().splitlines(keepends=True)
    sort_imports(lines, ast.parse(''.join(lines), path))
    end_docstrings(lines, ast.parse(''.join(lines), path))
    with open(path, 'w', encoding='utf-8') as out:
        out.write(''.join(lines))


if __name__ == '__main__':
    for name in sys.argv[1:]:
        fix(name)
