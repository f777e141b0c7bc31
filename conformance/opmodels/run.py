#!/usr/bin/env python3
"""The op-type models (issue 16): a UNet, DeepLab-style atrous convolution, a BERT-like encoder and SSD-style
post-processing, each as a TF2 SavedModel and a frozen graph, converted by tfir, mo and ovc and run in both OpenVINO
runtimes against TensorFlow at two input sizes on one IR; and, per op type of these models, which converters
convert it.

usage: conformance/opmodels/run.py [--only NAME[,NAME...]] [--ci] [--write-table docs/op-models.md] [--keep]

The models and TensorFlow's outputs come from conformance/opmodels/make_models.py (main venv: TensorFlow and
tf_keras), cached in ${TFIR_BIG:-target/big-models}/opmodels and made first where missing. Each row is judged as the
family zoo judges (conformance/families/run.py, whose converters, timing and judge this reuses): every converter
with --compress_to_fp16=False and nothing else, each IR in OpenVINO 2024.6 and the newest on both sizes, every
output against TensorFlow's (float: max abs diff <= 1e-4 * max(1, max |TF output|); integers exact).
The op-type list (issue 16, item 4): each op type of the models' graphs (SavedModel: the serving function's; frozen:
the frozen graph's), the models that hold it, and per converter `refused` when the converter's message names it,
else, over the rows holding it that the converter does not refuse for another op type, `ok` when all are right or
how many are; then the op types mo or ovc converts right and tfir does not.
Exit status 1 when a tfir row is not right (these models use only op types convert translates), 2 for a set-up error.
--ci keeps the first model of each kind (unet, deeplab, bert, ssd) and leaves mo out.
Environment: TFIR_VENV, TFIR_VENV_LATEST, TFIR_BIG, TFIR_CONVERT, TFIR_TIMED_RUNS.
"""

import argparse
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MAKER = HERE / 'make_models.py'
sys.path.insert(0, str(REPO / 'conformance'))
# the family zoo's converters, judge and verdicts (and through it the classification zoo's timing and table writing)
from families import run as families  # noqa: E402
zoo = families.zoo
CONVERTERS = families.CONVERTERS


def names(verdict, op):
    """Whether a converter's verdict refuses `op` by name."""
    return op in verdict.blocking or re.search(r'\b%s\b' % op, verdict.error) is not None


def op_type_verdict(converter, op, rows):
    """One converter on the rows (model, form, verdicts) whose graph holds `op`: `refused` when it names `op`, else
    over the rows it does not refuse for another op type of theirs: `ok` when all are right, else how many are."""
    judged = [(model, form, verdicts[converter]) for model, form, verdicts in rows if converter in verdicts]
    if not judged:
        return '-'
    if any(names(verdict, op) for _, _, verdict in judged):
        return 'refused'
    judged = [verdict for model, form, verdict in judged
              if not any(names(verdict, other) for other in model.meta['op_types'][form])]
    right = sum(verdict.ok for verdict in judged)
    if not judged:
        return 'not judged (refused for other op types)'
    return 'ok' if right == len(judged) else '%d of %d rows right' % (right, len(judged))


def op_types_table(rows):
    holding = {}
    for model, form, verdicts in rows:
        for op in model.meta['op_types'][form]:
            holding.setdefault(op, []).append((model, form, verdicts))
    lines = ['| op type | models (forms) | tfir | mo | ovc |', '| --- | --- | --- | --- | --- |']
    missing = []
    for op in sorted(holding):
        forms = {}
        for model, form, _ in holding[op]:
            forms.setdefault(model.name, []).append('SM' if form == 'saved_model' else 'frozen')
        verdicts = {c: op_type_verdict(c, op, holding[op]) for c in CONVERTERS}
        lines.append('| %s | %s | %s |' % (op, ', '.join('%s (%s)' % (name, ', '.join(f)) for name, f in forms.items()),
                                           ' | '.join(verdicts[c] for c in CONVERTERS)))
        if verdicts['tfir'] != 'ok' and 'ok' in (verdicts['mo'], verdicts['ovc']):
            missing.append(op)
    return lines + ['', 'Op types mo or ovc converts right and tfir does not: %s.' % (', '.join(missing) or 'none')]


def table(rows):
    versions = [version for version, _ in families.runtimes()]
    lines = families.header('Op-type models', 'conformance/opmodels/run.py --write-table docs/op-models.md') + [
        'Small real models of the kinds that use the op types convert gained for issue 16, made by '
        '`conformance/opmodels/make_models.py` with TensorFlow and tf_keras (random weights calibrated so that '
        'outputs are not flat; boxes in clusters of overlapping boxes with distinct scores, none near a threshold), '
        'each as its TF2 SavedModel (SM) and the frozen graph of the same signature: a UNet (Conv2DTranspose, '
        'bilinear UpSampling2D, nearest tf.image.resize), a DeepLabV3 ASPP head with Keras Conv2D(dilation_rate) and '
        'with `tf.nn.atrous_conv2d` and `tf.nn.conv2d(dilations)` (both forms lower the dilated Keras and atrous '
        'convolutions of an image of unknown size to SpaceToBatchND/Conv2D/BatchToSpaceND of run-time paddings), a '
        'two-block BERT-like encoder (Embedding, '
        'MultiHeadAttention, LayerNormalization, exact and tanh GELU) and SSD-style post-processing '
        '(NonMaxSuppressionV3/V4/V5 with soft-NMS, TopKV2, GatherNd, Where; CombinedNonMaxSuppression). Each '
        'converter gets the file with `--compress_to_fp16=False` and nothing else (sizes stay dynamic); each IR runs '
        'in both OpenVINO runtimes at two input sizes (images 32 and 48; text lengths 8 and 13, one row padded; 24 '
        'and 40 boxes; the combined NMS, whose box count is static: batches 1 and 2) and is compared with TensorFlow '
        'on the same file, every output: the worst max abs diff relative to max(1, max |output|); `ok` when <= %g in '
        'both runtimes (integers exact). Times: whole process, the fastest of %d run(s) (mo: one run), all in this run.'
        % (families.FP32_LIMIT, zoo.TIMED_RUNS),
        '',
    ]
    lines += families.verdict_table(rows, versions, 'kind', lambda model: model.meta['kind'], 'sizes')
    lines += [
        '', '## Op types', '',
        'Every op type of these graphs (SavedModel: its serving function\'s; frozen: the frozen graph\'s), the '
        'models (forms) that hold it, and per converter: `refused` when the converter\'s message names it, else, over '
        'the rows holding it that the converter does not refuse for another op type: `ok` when all are right, or '
        'how many are.', '']
    lines += op_types_table(rows)
    return '\n'.join(lines) + '\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', help='model names, comma-separated (make_models.py --list)')
    parser.add_argument('--ci', action='store_true', help='the first model of each kind, without mo')
    zoo.add_table_options(parser)
    args = parser.parse_args()
    if zoo.unready(__file__):
        return 2
    known = families.catalogue(MAKER)
    names = [name for name, _, _ in known]
    if args.only:
        names = args.only.split(',')
        unknown = sorted(set(names) - {name for name, _, _ in known})
        if unknown:
            parser.error('unknown models: %s' % ', '.join(unknown))
    if args.ci:
        first = {}
        for name, _, kind in known:
            first.setdefault(kind, name)
        names = [name for name in names if name in first.values()]
    converters = [c for c in CONVERTERS if not (args.ci and c == 'mo')]
    big = Path(os.environ.get('TFIR_BIG', REPO / 'target' / 'big-models'))
    rows = []
    with zoo.work_directory('tfir-opmodels-', args.keep) as work:
        for model in families.models(big / 'opmodels', names, Path(sys.executable), MAKER):
            for row in families.run_model(model, work, converters, args.keep):
                rows.append(row)
                print(families.describe(*row), flush=True)
    if args.write_table:
        zoo.write_atomically(args.write_table, table(rows))
    wrong = sum(not verdicts['tfir'].ok for _, _, verdicts in rows)
    print('%d rows: tfir right on %d, wrong or failing on %d' % (len(rows), len(rows) - wrong, wrong))
    return 1 if wrong or len(rows) < 2 * len(names) else 0


if __name__ == '__main__':
    sys.exit(main())
