# Country codes are checked against ISO 3166-1, with a hint for the
# common mistakes (UK for GB, EL for GR, lower case, alpha-3).
args: check tests/resources/cases/bad/country.json
status: 65
stderr-lines: 6
stderr-contains: country.json:4:22: /actor/state: 'UK' is not an ISO 3166-1 alpha-2 code: did you mean GB?
stderr-contains: /actor/territory/disputed/0/value: 'ru' is not an ISO 3166-1 alpha-2 code: did you mean RU?
stderr-contains: /actor/territory/disputed/1/value: 'RUS' is not an ISO 3166-1 alpha-2 code: did you mean RU?
stderr-contains: /victim/state/disputed/0/value: 'EL' is not an ISO 3166-1 alpha-2 code: did you mean GR?
stderr-contains: /victim/state/disputed/1/value: 'OO' is not an ISO 3166-1 alpha-2 code
stderr-contains: /victim/state/disputed/2/value: 'EU' is reserved for the European Union, which is not a State
