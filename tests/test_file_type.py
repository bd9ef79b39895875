"""A double-click on an experiment file opens it in initviz: the menu entry takes a file and
declares the file type that packaging/initviz-mime.xml defines, and that type's magic matches
the files initviz writes."""
import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from initviz.engine.config import ExperimentConfig
from initviz.engine.experiment_file import save_experiment

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def test_desktop_entry_takes_a_file_of_the_declared_type():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(PACKAGING / "initviz.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[1:] == ["%f"]
    mime = ET.parse(PACKAGING / "initviz-mime.xml").getroot()
    types = [t.get("type") for t in mime.findall("m:mime-type", NS)]
    assert entry["MimeType"].rstrip(";").split(";") == types


def test_the_magic_matches_saved_experiments_and_configs(tmp_path):
    mime = ET.parse(PACKAGING / "initviz-mime.xml").getroot()
    matches = mime.findall("m:mime-type/m:magic/m:match", NS)
    experiment = save_experiment(tmp_path / "e.json", ExperimentConfig()).read_text()
    config = ExperimentConfig().to_json()
    for text in (experiment, config):
        assert any(m.get("value") in text[:int(m.get("offset").split(":")[1])]
                   for m in matches), text[:200]
