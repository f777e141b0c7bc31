#!/usr/bin/env python3
"""Record what the original summarize_graph.py prints for the cases of conformance/bad-inputs.txt (for
information, not a conformance test): testdata/bad/expected/ID.stdout, ID.stderr and ID.exit.

stderr is cleaned so that the files do not change from one run or machine to the next: TensorFlow's C++ log
lines (timestamped) and absl's start-up notice are dropped, and the venv's and the repository's paths are
replaced by <venv> and <repo>.

Usage: conformance/record_bad_inputs.py [ID...]     (runs with the venv's Python: ${TFIR_VENV:-.venv})
"""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / 'testdata' / 'bad' / 'expected'
NOISE = re.compile(r'^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+: [IWEF] |WARNING: All log messages before absl::'
                   r'InitializeLog\(\) is called are written to STDERR$|To enable the following instructions: )')


def cases():
    for line in (REPO / 'conformance' / 'bad-inputs.txt').read_text().splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            words = line.split()
            env = dict(w.split('=', 1) for w in words[1:] if re.match(r'^[A-Z_]+=', w))
            args = [w for w in words[1:] if not re.match(r'^[A-Z_]+=', w)]
            yield words[0], env, args


def main():
    venv = Path(os.environ.get('TFIR_VENV', REPO / '.venv'))
    python = venv / 'bin' / 'python'
    wanted = set(sys.argv[1:])
    OUT.mkdir(parents=True, exist_ok=True)
    for case_id, env, args in cases():
        if wanted and case_id not in wanted:
            continue
        proc = subprocess.run([str(python), str(REPO / 'conformance' / 'run_original.py')] + args,
                              cwd=REPO, env=dict(os.environ, **env), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True)
        site = str(venv.resolve() / 'lib')
        stderr = [l.replace(site, '<venv>/lib').replace(str(REPO), '<repo>')
                  for l in proc.stderr.splitlines() if not NOISE.match(l)]
        (OUT / (case_id + '.stdout')).write_text(proc.stdout)
        (OUT / (case_id + '.stderr')).write_text(''.join(l + '\n' for l in stderr))
        (OUT / (case_id + '.exit')).write_text('%d\n' % proc.returncode)
        last = stderr[-1] if stderr else proc.stdout.strip().splitlines()[-1:] or ['']
        print('%-32s exit %d  %s' % (case_id, proc.returncode, (last if isinstance(last, str) else last[0])[:110]))


if __name__ == '__main__':
    main()
