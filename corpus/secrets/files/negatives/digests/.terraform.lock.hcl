provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:TGEBr47WrBj+RfVxe8MwPImHc+65yl2kq9NGby4XSCQ=",
    "h1:Ftt/PjB+vyFgEtW3tE9b2mJJJODgWpnChtTrPjHQaSY=",
    "zh:d77d59d7684657c1d7f3dca9e44c5d163482abf7795840ca272ed0586b255315",
    "zh:c0eecbe4fbd40682a84e52ca59ca3009ee789515f9da4a769adbee9f3cf703fd",
    "zh:586af1cc5e361912614e2dc50cc0709e96246d3a6cd8c30c7e82e39e8c24c0fc",
    "zh:458c1554768c9f328f24e2b729be058c532fe13ef7a05ed265ab38eba6e3522b",
    "zh:10775c392e9f0165f71789a62f30204ec78516e4faf4bc8afcd9253553897108",
    "zh:7fccea20b31122c3d6f835ff709f797dc5b5428f76eb7be74c5027275a023fd4",
  ]
}
