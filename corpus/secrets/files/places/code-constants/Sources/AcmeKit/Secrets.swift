import Foundation

let apiToken = "LJZZcRLRs7sFiil8R640QgyRh7qN"
static let clientSecret: String = "dDXusGLwJ0YFw_QkyBsoDbvYnS1Iy3oIdwabNT7EHcM"
let apiToken = ProcessInfo.processInfo.environment["API_TOKEN"] ?? ""
static let passwordKeychainKey = "com.acme.password"
