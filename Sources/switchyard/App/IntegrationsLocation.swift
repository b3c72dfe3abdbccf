import FoundationEssentials

/// Where the integration files are when no `--integrations` is given, so a server started from any
/// working directory (MCP clients start it from `/`) finds the shipped files.
///
/// The search order: `$SWITCHYARD_INTEGRATIONS` (colon-separated), `./Integrations`, then the
/// shipped directory of an installation (`PREFIX/share/switchyard/Integrations` beside
/// `PREFIX/bin/switchyard`), then that of the checkout the binary was built in (the first
/// `Integrations/` above the executable's real path, e.g. above `.build/release/switchyard`).
/// A shipped directory is recognised by its `schema/integration.schema.json`.
enum IntegrationsLocation {
    /// The default integration paths for this environment. When nothing is found, `["Integrations"]`,
    /// which the caller reports as unreadable.
    static func defaultPaths(environment: [String: String]) -> [String] {
        if let value = environment["SWITCHYARD_INTEGRATIONS"], !value.isEmpty {
            return value.split(separator: ":").map(String.init)
        }
        if FileManager.default.fileExists(atPath: "Integrations") { return ["Integrations"] }
        return shippedDirectory().map { [$0] } ?? ["Integrations"]
    }

    /// The shipped directory of the installation or checkout this binary belongs to, if any.
    static func shippedDirectory(executable: String? = executablePath()) -> String? {
        shippedCandidates(executable: executable).first(where: isShippedDirectory)
    }

    /// The places ``shippedDirectory(executable:)`` looks, in order.
    static func shippedCandidates(executable: String?) -> [String] {
        guard let executable else { return [] }
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        var candidates = [
            directory.deletingLastPathComponent().appendingPathComponent("share/switchyard/Integrations").path
        ]
        while directory.path != "/" && !directory.path.isEmpty {
            candidates.append(directory.appendingPathComponent("Integrations").path)
            directory.deleteLastPathComponent()
        }
        return candidates
    }

    /// Whether `path` is a directory of integration files as shipped (it holds the format's schema).
    static func isShippedDirectory(_ path: String) -> Bool {
        FileManager.default.isReadableFile(atPath: path + "/schema/integration.schema.json")
    }

    /// The executable's real path (symbolic links resolved), from `/proc/self/exe`.
    static func executablePath() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    /// `path` made absolute against the working directory, for error messages.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = FileManager.default.currentDirectoryPath
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return (base.hasSuffix("/") ? base : base + "/") + relative
    }

    /// What to add to the error when the default search found nothing: where it looked.
    static func searchHint(environment: [String: String]) -> String {
        if let value = environment["SWITCHYARD_INTEGRATIONS"], !value.isEmpty {
            return " (from $SWITCHYARD_INTEGRATIONS)"
        }
        let places = ["./Integrations"] + shippedCandidates(executable: executablePath()).prefix(2)
        return " (looked in \(places.joined(separator: ", ")) and the directories above the executable; "
            + "pass --integrations PATH or set SWITCHYARD_INTEGRATIONS)"
    }
}
