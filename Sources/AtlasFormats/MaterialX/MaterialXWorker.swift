/// The MaterialX worker run by `MaterialXPass` (see `PythonWorker`): MaterialX's own reading of a
/// document (its version after the upgrade MaterialX applies on read) and validation against the
/// standard libraries. Includes outside the asset root are refused by a read callback, never read.
enum MaterialXWorker {
    static let worker = PythonWorker(name: "the MaterialX worker", module: "MaterialX", package: "MaterialX", script: script)

    static let script = #"""
# Atlas MaterialX worker: reads one MaterialX document as MaterialX itself does (upgrading an older
# version) and validates it against the standard libraries. Arguments: FILE ROOT. Prints one JSON
# object on its last line. An xi:include outside ROOT is refused, never read.
import json, os, sys

def emit(result):
    sys.stdout.write("\n" + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()

try:
    import MaterialX as mx
except ImportError as error:
    emit({"missing_module": "MaterialX", "message": str(error)})
    sys.exit(0)

LISTED = 1000
path, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

def inside(candidate):
    candidate = os.path.normpath(candidate)
    return candidate == root or candidate.startswith(root + os.sep)

def relative(candidate):
    return os.path.relpath(candidate, root) if inside(candidate) else candidate

def main():
    read, refused = [], []
    def include(document, filename, search_path, options):
        filename = filename.asString() if isinstance(filename, mx.FilePath) else str(filename)
        found = search_path.find(mx.FilePath(filename)).asString()
        if not os.path.isabs(found):
            found = os.path.join(os.path.dirname(path), found)
        if not inside(found):
            if len(refused) < LISTED:
                refused.append(filename)
            return
        if len(read) < LISTED:
            read.append(relative(os.path.normpath(found)))
        mx.readFromXmlFile(document, found, search_path, options)
    options = mx.XmlReadOptions()
    options.readXIncludeFunction = include
    document = mx.createDocument()
    try:
        mx.readFromXmlFile(document, path, mx.FileSearchPath(os.path.dirname(path)), options)
    except Exception as error:
        emit({"read_error": str(error).replace(root + os.sep, "")[:2000], "includes_read": read, "includes_refused": refused})
        return
    libraries = mx.createDocument()
    mx.loadLibraries(mx.getDefaultDataLibraryFolders(), mx.getDefaultDataSearchPath(), libraries)
    document.setDataLibrary(libraries)
    valid, message = document.validate()
    emit({"materialx_version": mx.getVersionString(), "version": document.getVersionString(),
          "material_count": len(document.getMaterialNodes()), "valid": bool(valid),
          "message": message.replace(root + os.sep, "")[:4000], "includes_read": read, "includes_refused": refused})

try:
    main()
except Exception as error:
    emit({"error": "%s: %s" % (type(error).__name__, str(error).strip().replace(root + os.sep, "")[:2000])})
"""#
}
