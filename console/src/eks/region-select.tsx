/** The Region selector of the EKS pages. */
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { REGIONS, useRegion } from './eks-client.ts';

/** The selector; the Region lives in the address. */
export function RegionSelect() {
  const [region, setRegion] = useRegion();
  return (
    <FormField label="Region">
      <Select selectedOption={{ value: region, label: region }} onChange={({ detail }) => setRegion(detail.selectedOption.value ?? region)}
        options={REGIONS.map((r) => ({ value: r, label: r }))} />
    </FormField>
  );
}
