/// The MaterialX worker run by `MaterialXPass` (see `PythonWorker`): MaterialX's own reading of a
/// document (its version after the upgrade MaterialX applies on read) and validation against the
/// standard libraries. Includes outside the asset root are refused by a read callback, never read.
enum MaterialXWorker {
    static let worker = PythonWorker(name: "the MaterialX worker", module: "MaterialX", package: "MaterialX", body: body)

    static let body = #"""
# The MaterialX worker. Arguments: FILE ROOT. An xi:include outside ROOT is refused, never read.
try:
    import MaterialX as mx
except ImportError as error:
    missing("MaterialX", error)

LISTED = 1000

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
        emit({"read_error": clean(error)[:2000], "includes_read": read, "includes_refused": refused})
        return
    libraries = mx.createDocument()
    mx.loadLibraries(mx.getDefaultDataLibraryFolders(), mx.getDefaultDataSearchPath(), libraries)
    document.setDataLibrary(libraries)
    valid, message = document.validate()
    emit({"materialx_version": mx.getVersionString(), "version": document.getVersionString(),
          "material_count": len(document.getMaterialNodes()), "valid": bool(valid),
          "message": clean(message)[:4000], "includes_read": read, "includes_refused": refused})

"""#
}
