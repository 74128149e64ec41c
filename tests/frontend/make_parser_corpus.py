"""Collects real TorchScript source for the parser corpus test: every
code/**/*.py inside the realworld archives, plus the code of torchvision
models scripted here with the system PyTorch. Next to each FILE.py it writes
FILE.py.sexpr, CPython's ast of the file in ember's dump format, and last a
MANIFEST listing the .py files (its presence means the directory is complete).

usage: make_parser_corpus.py OUTDIR REALWORLD_DIR
"""
import glob
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import py_ast_sexpr  # noqa: E402

TORCHVISION_MODELS = ['resnet18', 'mobilenet_v3_small', 'googlenet']


def extract(archive, prefix, out_dir, files):
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            if '/code/' not in name or not name.endswith('.py'):
                continue
            rel = os.path.join(prefix, name)
            path = os.path.join(out_dir, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = z.read(name)
            with open(path, 'wb') as f:
                f.write(data)
            with open(path + '.sexpr', 'w', encoding='utf-8') as f:
                f.write(py_ast_sexpr.module(data))
            files.append(rel)


def main():
    out_dir, realworld = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    files = []
    archives = sorted(glob.glob(os.path.join(realworld, '*', 'model.pt')))
    if not archives:
        sys.exit('no archives under ' + realworld)
    for archive in archives:
        extract(archive, 'realworld/' + os.path.basename(os.path.dirname(archive)), out_dir, files)

    import warnings
    warnings.filterwarnings('ignore')
    import torch
    import torchvision
    for name in TORCHVISION_MODELS:
        model = getattr(torchvision.models, name)()
        path = os.path.join(out_dir, name + '.pt')
        torch.jit.save(torch.jit.script(model), path)
        extract(path, 'torchvision/' + name, out_dir, files)
        os.remove(path)

    with open(os.path.join(out_dir, 'MANIFEST'), 'w') as f:
        f.write('\n'.join(files) + '\n')


if __name__ == '__main__':
    main()
