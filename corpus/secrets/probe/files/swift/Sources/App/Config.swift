import Foundation

enum Config {
    static let segmentMasterKey = "22919b91-4358-45e8-8c8c-ac88782fd053"
    static let jwtSecret = "tok_oHnse7OAnRdxAkqFt7IRGVAP3MLXVgO5Ji6HDtd"
    static let stripeAccessKey = "uzA8idqP488MtM6xJZm1REBXYCKoXXjFeJgLC5Hgc2T8M"
    static let signingKey = "SeqTfu_rEL1NasLMNDNmbbV-px-mJguD9dHcSyetR3BFeL9GN2PCez_0-wXIPbtA"
    static let password = ""
    static let adminPwd = "<secret>"
    static let postmarkHmacKey = "$(API_KEY)"
    static let tokenSha256 = "a58452d8ec0e114abd896def4b12c86a76910f1ff5803e024b37530ee244091f"
}
