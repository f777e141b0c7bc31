"""One row of the model zoo: a model in one input form, as the zoo runner (conformance/zoo/run.py) converts and checks it."""
from dataclasses import dataclass
from typing import Callable, Optional


@dataclass
class ZooCase:
    model: str                      # row name: 'inception_v1', 'keras.ResNet50'
    form: str                       # 'frozen', 'graph+ckpt', 'saved_model'
    size: int                       # input height = width
    convert_args: list              # bin/convert arguments without --output_dir and --compress_to_fp16 (absolute paths)
    stem: str                       # file stem of the IR that convert writes
    reference: Callable             # images (N,H,W,3) float32 in [0,255] -> TF's output (numpy), real TF, the model's own preprocessing
    mo_args: Optional[list] = None  # mo arguments (without --output_dir); None: mo not tried
    note: str = ''                  # shown in the table (e.g. 'diff relative to max |logit|')
    bgr_input: bool = False         # the IR takes the images channel-reversed (BGR); the reference still gets RGB
