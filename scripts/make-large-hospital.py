#!/usr/bin/env python3
"""Writes a FHIR R4 Bundle of a large hospital (200 departments, 2,000 doctors) for the import benchmark."""
import json, sys

SNOMED = ["394579002", "418112009", "394584008", "394591006", "394583002", "394589003", "394803006", "394810000",
          "394807007", "419192003", "394609007", "394801008", "394612005", "394586005", "394537008", "394594003"]

def main(path, departments=200, doctors_each=10):
    entries = [{"resource": {"resourceType": "Organization", "id": "large", "name": "大型医院"}}]
    for d in range(departments):
        entries.append({"resource": {"resourceType": "Location", "id": f"loc-{d}", "name": f"诊区{d}",
                                     "type": [{"coding": [{"system": "urn:companion:fhir:place-kind", "code": "department"}]}]}})
        entries.append({"resource": {"resourceType": "HealthcareService", "id": f"dep-{d}", "name": f"科室{d}",
                                     "specialty": [{"coding": [{"system": "http://snomed.info/sct", "code": SNOMED[d % len(SNOMED)]}]}],
                                     "location": [{"reference": f"Location/loc-{d}"}]}})
        for n in range(doctors_each):
            entries.append({"resource": {"resourceType": "Practitioner", "id": f"p-{d}-{n}", "name": [{"text": f"医生{d}-{n}"}]}})
            entries.append({"resource": {"resourceType": "PractitionerRole", "id": f"r-{d}-{n}", "code": [{"text": "主治医师"}],
                                         "practitioner": {"reference": f"Practitioner/p-{d}-{n}"},
                                         "healthcareService": [{"reference": f"HealthcareService/dep-{d}"}]}})
    with open(path, "w") as out:
        json.dump({"resourceType": "Bundle", "type": "collection", "entry": entries}, out, ensure_ascii=False)

if __name__ == "__main__":
    main(sys.argv[1])
