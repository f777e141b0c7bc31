#!/usr/bin/env python3
"""Write the IR fixtures of summarize-graph's IR read back (testdata/ir/) with the real converters, and what
OpenVINO's own read_model gives for each (the goldens of IrReadBackTest).

  two_mo.xml, two_ovc.xml      testdata/models/two_inputs_two_outputs.pb by mo (2024.6) and by ovc (newest): IR v11
  small_ovc.xml                testdata/models/small_frozen.pb by ovc: IR v11 with constants (FP16 weights)
  small_v10.xml                small_frozen.pb by mo, written again as IR v10 (static shapes) by conformance/ir/to_v10.py
  NAME.read_model.json         read_model's inputs and outputs (names, element type, partial shape) in OpenVINO 2024.6;
                               the script checks the newest runtime reads the same

Usage (from the repository root): python tools/models/make_ir_fixtures.py
Environment: TFIR_VENV (mo, 2024.6), TFIR_VENV_LATEST (ovc, newest).
"""
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.environ.get('TFIR_VENV', os.path.join(ROOT, '.venv'))
VENV_LATEST = os.environ.get('TFIR_VENV_LATEST', os.path.join(ROOT, '.venv-latest'))
OUT = os.path.join(ROOT, 'testdata', 'ir')
MODELS = os.path.join(ROOT, 'testdata', 'models')


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def copy_ir(xml, name):
    shutil.copy(xml, os.path.join(OUT, name + '.xml'))
    shutil.copy(xml[:-4] + '.bin', os.path.join(OUT, name + '.bin'))


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        run(VENV + '/bin/mo', '--input_model', MODELS + '/two_inputs_two_outputs.pb', '--output_dir', work, '-n', 'two')
        copy_ir(work + '/two.xml', 'two_mo')
        run(VENV_LATEST + '/bin/ovc', MODELS + '/two_inputs_two_outputs.pb', '--output_model', work + '/two_ovc.xml')
        copy_ir(work + '/two_ovc.xml', 'two_ovc')
        run(VENV_LATEST + '/bin/ovc', MODELS + '/small_frozen.pb', '--output_model', work + '/small_ovc.xml')
        copy_ir(work + '/small_ovc.xml', 'small_ovc')
        run(VENV + '/bin/mo', '--input_model', MODELS + '/small_frozen.pb', '--output_dir', work, '-n', 'small')
        run(VENV + '/bin/python', ROOT + '/conformance/ir/to_v10.py', work + '/small.xml', work + '/small_v10.xml')
        copy_ir(work + '/small_v10.xml', 'small_v10')
    names = ['two_mo', 'two_ovc', 'small_ovc', 'small_v10']
    xmls = [os.path.join(OUT, n + '.xml') for n in names]
    reads = [json.loads(run(venv + '/bin/python', ROOT + '/conformance/ir/read_model.py', *xmls))
             for venv in (VENV, VENV_LATEST)]
    for name, xml in zip(names, xmls):
        if reads[0]['models'][xml] != reads[1]['models'][xml]:
            raise SystemExit('%s: the two runtimes read it differently' % name)
        with open(os.path.join(OUT, name + '.read_model.json'), 'w') as f:
            json.dump(reads[0]['models'][xml], f, indent=1, sort_keys=True)
            f.write('\n')


if __name__ == '__main__':
    main()
