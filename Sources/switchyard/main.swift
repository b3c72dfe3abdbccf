import Foundation

FileHandle.standardError.write(Data("switchyard: not built yet\n".utf8))
exit(2)
