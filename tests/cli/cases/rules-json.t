args: rules --format json
status: 0
json: /profile = "default"
json: /list/0/id = "attribution-organ"
json: /list/0/cites = ["arsiwa-art4", "tallinn2-rule15"]
