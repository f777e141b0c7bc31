#!/usr/bin/env python3
"""Write the output arguments of TensorFlow's ops, as real TensorFlow registers them (its OpDefs), for inlining
function bodies (common: dev.tfir.common.model.FunctionInlining). A FunctionDef's node reads another node's
output as `node:out_arg:index`; the flat output index needs the op's output arguments in order and how many
tensors each holds.

Writes common/src/main/resources/dev/tfir/common/model/op-outputs.txt: one line per op of tf.raw_ops,
`Op arg arg ...`, each arg `name` (one tensor), `name*attr` (as many
tensors as the int attr `attr` says: number_attr) or `name+attr` (one per type in the list attr `attr`:
type_list_attr). Writing a function body back (common: dev.tfir.common.model.Tf1Loops) names every output
by its argument, so single-tensor outputs are listed too; ops not listed (not TensorFlow's) have one output.

Usage: python tools/models/make_op_outputs.py
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / 'common/src/main/resources/dev/tfir/common/model/op-outputs.txt'


def describe(arg):
    if arg.number_attr:
        return '%s*%s' % (arg.name, arg.number_attr)
    if arg.type_list_attr:
        return '%s+%s' % (arg.name, arg.type_list_attr)
    return arg.name


def main():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    import tensorflow as tf
    from tensorflow.python.framework import op_def_registry
    lines = ['# Output arguments of TensorFlow %s ops (tools/models/make_op_outputs.py); ops not listed have one '
             'output of one tensor.' % tf.__version__]
    for name in sorted(n for n in dir(tf.raw_ops) if not n.startswith('_')):
        op_def = op_def_registry.get(name)
        if op_def is None:
            continue
        outputs = list(op_def.output_arg)
        lines.append(' '.join([name] + [describe(arg) for arg in outputs]))
    OUT.write_text('\n'.join(lines) + '\n')
    print('%s: %d ops' % (OUT, len(lines) - 1))


if __name__ == '__main__':
    main()
