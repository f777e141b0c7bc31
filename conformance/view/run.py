"""The HTML view (`summarize-graph --html`) in a real headless browser (Debian's chromium).

For the bundled inception_v1 inference graph and a generated 100,000-node graph (tools/models/make_view_graph.py,
made under $TFIR_BIG if missing), writes the page, checks it loads nothing from outside (no script/link/img src,
no network: chromium runs with every host unresolvable), then opens it in headless chromium with probe.js appended:
the top level must be drawn within 2 s of navigation start (the page's own measurement), a click on a folded scope
must open it (a cluster for it, more boxes) and one on its title fold it again, a click on a node must show its details, and a search must highlight
boxes and list hits. A screenshot of each page (a scope open, the search's hits highlighted) is kept in
target/view/ (the CI artifact).

  python conformance/view/run.py            # CHROMIUM=... to use another browser binary
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIG = os.environ.get('TFIR_BIG', os.path.join(ROOT, 'target', 'big-models'))
OUT = os.path.join(ROOT, 'target', 'view')
CHROMIUM = os.environ.get('CHROMIUM', shutil.which('chromium') or 'chromium')
OFFLINE = ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND']
CASES = [('inception_v1', os.path.join(ROOT, 'examples', 'inception_v1_inference_graph.pb'), 'Conv2D'),
         ('graph_100k', os.path.join(BIG, 'view', 'graph_100k.pb'), 'layer_7/Neg_5')]


def page_with_probe(page, query, probed):
    with open(page, encoding='utf-8') as f:
        text = f.read()
    with open(os.path.join(ROOT, 'conformance', 'view', 'probe.js'), encoding='utf-8') as f:
        probe = f.read().replace('QUERY', json.dumps(query))
    at = text.rindex('</body>')
    with open(probed, 'w', encoding='utf-8') as f:
        f.write(text[:at] + '<script>' + probe + '</script>\n' + text[at:])


def check(name, model, query):
    if not os.path.exists(model):
        subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'models', 'make_view_graph.py'), model], check=True)
    page = os.path.join(OUT, name + '.html')
    subprocess.run([os.path.join(ROOT, 'bin', 'summarize-graph'), '--input_model', model, '--html', page], check=True,
                   capture_output=True)
    with open(page, encoding='utf-8') as f:
        text = f.read()
    outside = re.findall(r'<(?:script|img|iframe)[^>]*\bsrc=|<link[^>]*href=|@import|url\(\s*["\']?https?:', text)
    probed = os.path.join(OUT, name + '.probed.html')
    page_with_probe(page, query, probed)
    dom = subprocess.run([CHROMIUM] + OFFLINE + ['--dump-dom', 'file://' + probed], capture_output=True, text=True,
                         timeout=300).stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    if not found:
        return ['the probe left no result (the page failed?)']
    probe = json.loads(html.unescape(found.group(1)))
    subprocess.run([CHROMIUM] + OFFLINE + ['--window-size=1600,1000', '--screenshot=' + os.path.join(OUT, name + '.png'),
                    'file://' + probed], capture_output=True, timeout=300)
    problems = []
    if outside or probe['external']:
        problems.append('loads from outside: %s' % (outside or probe['external']))
    if not probe['firstDrawMs'] <= 2000:
        problems.append('top level drawn after %s ms' % probe['firstDrawMs'])
    if not probe['topItems'] > 0 or probe['clickedScope'] is None:
        problems.append('no folded scope at the top level')
    if probe['clickedScope'] not in probe['openedClusters'] or not probe['itemsAfterClick'] > probe['topItems']:
        problems.append('a click did not open %s' % probe['clickedScope'])
    if not probe['foldedAgain']:
        problems.append("a click on an open scope's title did not fold it")
    if not probe['details'] or not probe['details'][1].startswith('op: '):
        problems.append('a click on a node showed no details: %s' % probe['details'])
    if not probe['hitBoxes'] > 0 or not probe['hitList'] > 0:
        problems.append('the search %r highlighted nothing' % query)
    if not probe['marked']['inputs'] > 0:
        problems.append('no input marked')
    print('%s %s: first draw %d ms, %d boxes, click opened %s (%d boxes), search %r: %d boxes '
          'highlighted, %d hits listed; screenshot %s' % (
              'FAIL' if problems else 'ok  ', name, probe['firstDrawMs'], probe['topItems'],
              probe['clickedScope'], probe['itemsAfterClick'], query, probe['hitBoxes'], probe['hitList'],
              os.path.relpath(os.path.join(OUT, name + '.png'), ROOT)))
    for problem in problems:
        print('    ' + problem)
    return problems


def main():
    os.makedirs(OUT, exist_ok=True)
    failures = sum(bool(check(*case)) for case in CASES)
    print('%d of %d pages failed' % (failures, len(CASES)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
