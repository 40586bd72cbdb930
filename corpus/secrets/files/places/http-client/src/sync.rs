    let res = client.get(url).basic_auth("sync", Some("oKS7EiS6OFWr66JLtvXBL4NCFLsr29I0WS")).send().await?;
